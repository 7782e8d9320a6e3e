-- The timeline asks for an entry's link back to its source only when the reader wrote it.
--
-- On one server shared by 1,000 organizations (bench:db, 10M entries) a page of 50 entries
-- took 3.3-5.2 ms in the database, of which the joins (account, contact, author, revision
-- count) took 0.6 ms: the rest was private.own_source_url, called once per row. It is a
-- security definer function with its own search_path, so Postgres cannot inline it: each call
-- sets up a function, reads the signed-in user from the request's claims and probes the entry
-- again by its key (about 0.06 ms each), only to answer null for every entry someone else
-- filed — most of any page. Here the view compares the author with the reader first (the
-- reader is read once per statement) and calls the function only for the reader's own
-- entries. The answer is the same: the function returns null for anyone but the author.
create or replace view public.account_timeline
with (security_invoker = true)
as
select
  i.id,
  i.org_id,
  i.account_id,
  a.name as account_name,
  i.contact_id,
  c.full_name as contact_name,
  i.kind,
  i.title,
  i.body,
  i.signals,
  i.occurred_at,
  case when i.author_id = (select auth.uid()) then private.own_source_url(i.id) end as source_url,
  i.author_id,
  m.display_name as author_display_name,
  m.department as author_department,
  (select count(*) from public.interaction_revisions r where r.interaction_id = i.id)::integer as revision_count,
  i.created_at,
  i.updated_at
from public.interactions i
left join public.accounts a on a.id = i.account_id
left join public.contacts c on c.id = i.contact_id
left join public.memberships m on m.org_id = i.org_id and m.user_id = i.author_id
where i.retracted_at is null;

comment on view public.account_timeline is
  'Every entry the reader can see, with its account, contact and author; retracted entries are '
  'left out. Read it newest first: order by occurred_at desc, id desc (indexed). Page through '
  'an account with account_id = ... and (occurred_at, id) < (the last row seen).';
comment on column public.account_timeline.source_url is
  'Link back to the source, shown only to the entry''s author (it opens their own mailbox); '
  'looked up only for the reader''s own entries.';

revoke all on public.account_timeline from public, anon, authenticated;
grant select on public.account_timeline to authenticated, service_role;
