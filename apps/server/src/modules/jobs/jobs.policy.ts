import { type Actor, hasRole, isAdmin } from '../../actor.ts'

/**
 * A background job's progress is for whoever caused it (their request queued it), and for administrators and regional
 * coordinators, who oversee the system's work. Anyone else gets 404, as if it did not exist.
 */
export const jobsPolicy = {
  'job.read': (actor: Actor, job: { createdBy: string | null }) =>
    job.createdBy === actor.id || isAdmin(actor) || hasRole(actor, 'regional_coordinator'),
}
