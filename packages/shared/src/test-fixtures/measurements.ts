import type { Measurement } from '../framework.ts'

/** Measurements of each kind for the scoring tests; the counts and percentages score by target bands. */
export const rubric: Measurement = { type: 'rubric', levels: [{}, {}, {}, {}, {}] }
export const ypn: Measurement = { type: 'yes_partial_no', descriptors: { yes: {}, partial: {}, no: {} } }
export const amount: Measurement = { type: 'amount', currency: 'EUR' }
export const text: Measurement = { type: 'text' }
/** Convictions per year: none scores 0, 1 to 9 scores 50, 10 or more scores 100. */
export const convictions: Measurement = {
  type: 'count',
  targetBands: [
    { from: 0, to: 1, score: 0 },
    { from: 1, to: 10, score: 50 },
    { from: 10, to: 1_000_000, score: 100 },
  ],
}
/** Share of identified victims who received assistance. */
export const assisted: Measurement = {
  type: 'percentage',
  targetBands: [
    { from: 0, to: 50, score: 0 },
    { from: 50, to: 80, score: 60 },
    { from: 80, to: 100, score: 100 },
  ],
}
