import { type Actor, leadsCountry } from '../../actor.ts'

/** A country's templates and import batches as policies see them. */
export interface TemplateSubject {
  countryCode: string
}

/**
 * XLSX templates: whoever writes answers in the country (its data providers and its lead; admins lead everywhere)
 * downloads and uploads templates, and which rows they may change is the answer rule (answer.write). Import batches
 * are listed and reverted by the country lead and admins.
 */
export const templatesPolicy = {
  'template.use': (actor: Actor, s: TemplateSubject) =>
    leadsCountry(actor, s.countryCode) ||
    actor.memberships.some((m) => m.role === 'data_provider' && m.countryCode === s.countryCode),
  'importBatch.read': (actor: Actor, s: TemplateSubject) => leadsCountry(actor, s.countryCode),
  'importBatch.revert': (actor: Actor, s: TemplateSubject) => leadsCountry(actor, s.countryCode),
}
