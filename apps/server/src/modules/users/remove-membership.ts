import type { Membership } from '@thbm/shared'
import type { RequestContext } from '../../actor.ts'
import type { Trx } from '../../db/transaction.ts'
import { invalidState } from '../../errors.ts'
import { recordAudit } from '../audit/record-audit.ts'

/** Takes a role away from a user. The last active admin cannot lose the admin role. */
export async function removeMembership(
  trx: Trx,
  ctx: RequestContext,
  userId: string,
  membership: Membership,
): Promise<void> {
  const user = await trx.selectFrom('users').select('active').where('id', '=', userId).executeTakeFirstOrThrow()
  // A deactivated admin is not counted, so taking the role from one leaves the active admins as they were.
  if (membership.role === 'admin' && user.active === 1) {
    const admins = await trx
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.userId')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('memberships.role', '=', 'admin')
      .where('users.active', '=', 1)
      .executeTakeFirstOrThrow()
    if (Number(admins.n) <= 1) throw invalidState('The installation needs at least one administrator')
  }
  await trx.deleteFrom('memberships').where('id', '=', membership.id).execute()
  await recordAudit(trx, ctx, {
    action: 'membership.deleted',
    subjectType: 'user',
    subjectId: userId,
    countryCode: membership.countryCode,
    before: {
      membershipId: membership.id,
      role: membership.role,
      countryCode: membership.countryCode,
      organisationId: membership.organisationId,
    },
  })
}
