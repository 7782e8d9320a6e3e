-- The last plan columns without a description, so that the dashboard explains every column of
-- a plan to the managers who read it there.
comment on column public.plan_items.org_id is 'The organization whose members read, add to and settle this plan.';
comment on column public.plan_item_revisions.id is 'This earlier version.';
comment on column public.plan_item_revisions.org_id is 'The organization of the plan item; its members read the history.';
