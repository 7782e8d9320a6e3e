// Plans and promises (pact rule 13). Adding an item is a direct call with the page's id, not
// the outbox: the outbox keeps captures (and the step a filed reply settles), and
// add_plan_item's id makes a retry return the item already made, so a rep who presses again
// after a lost answer gets one item, not two.
import { addDays } from '../../due-dates';
import { overdueByAccount } from '../../plans/overdue';
import { followsItem } from '../../storage';
import * as records from '../records/plans';
import { client, requireActiveOrg, signedInUserId } from '../services';
import type { TopicHandlers } from './types';

export const planHandlers = {
  'plan.list': async ({ accountId }) => {
    const supabase = await client();
    const [orgId, me] = await Promise.all([requireActiveOrg(), signedInUserId(supabase)]);
    return { items: await records.accountPlan(supabase, orgId, accountId, me) };
  },

  'plan.add': async (item) => ({
    id: await records.addPlanItem(await client(), { ...item, orgId: await requireActiveOrg() }),
  }),

  'plan.edit': async (change) => {
    await records.editPlanItem(await client(), change);
    return { id: change.id };
  },

  'plan.take': async ({ id }) => {
    await records.takeStep(await client(), id);
    return { id };
  },

  'plan.release': async ({ id }) => {
    await records.releaseStep(await client(), id);
    return { id };
  },

  'plan.settle': async (settle) => {
    await records.settlePlanItem(await client(), settle);
    return { id: settle.id };
  },

  'plan.reopen': async ({ id }) => {
    await records.reopenPlanItem(await client(), id);
    return { id };
  },

  'plan.withdraw': async ({ id }) => {
    await records.withdrawPlanItem(await client(), id);
    return { id };
  },

  'plan.revisions': async ({ id }) => records.planRevisions(await client(), id),

  // Follows stay in this browser (pact rule 8): they go along as a filter, never stored.
  'plan.due': async ({ until }) => {
    const orgId = await requireActiveOrg();
    const followed = (await followsItem.getValue())[orgId] ?? [];
    return { steps: await records.dueSteps(await client(), orgId, until, followed) };
  },

  // By account, never by person: only the account, a number and a date leave this handler.
  'plan.overdueAccounts': async ({ today }) => {
    const orgId = await requireActiveOrg();
    const { steps, capped } = await records.organizationDueSteps(await client(), orgId, addDays(today, -1));
    return { ...overdueByAccount(steps, today), capped };
  },
} satisfies TopicHandlers;
