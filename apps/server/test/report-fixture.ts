/**
 * Realistic report data for renderer and composer tests: three rounds, three areas, every measurement type, person
 * counts broken down by sex, age group and victim status with some small counts (1-4), internal evidence,
 * recommendations new and followed up, and Serbian Cyrillic texts.
 */
export { CHILDREN_CODE, ROUND_2023, ROUND_2024, ROUND_2025, VICTIMS_CODE } from './report-fixture-common.ts'
export { nationalFixture } from './report-fixture-national.ts'
export { regionalFixture } from './report-fixture-regional.ts'
