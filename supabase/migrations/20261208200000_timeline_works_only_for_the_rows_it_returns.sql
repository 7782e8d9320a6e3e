-- A timeline page does its per-row work for the rows it returns, and asks for an entry's link
-- back to its source only when the reader wrote it.
--
-- On one server shared by 1,000 organizations (bench:db, 10M entries) a page of 50 entries
-- took 3.3-5.2 ms in the database. Two things in the view cost more than the page:
-- - private.own_source_url, called once per row. It is a security definer function with its
--   own search_path, so Postgres cannot inline it: each call sets up a function, reads the
--   signed-in user from the request's claims and probes the entry again by its key (about
--   0.06 ms each), only to answer null for every entry someone else filed — most of a page.
--   The view now compares the author with the reader first (the reader is read once per
--   statement) and calls the function only for the reader's own entries.
-- - The account, contact and author were left joins. For the next page by keyset
--   (occurred_at < x or (occurred_at = x and id < y), as PostgREST sends it) the planner
--   reads every older entry of the account through a bitmap, joins each to its contact and
--   hashes every membership of the server (6k rows at 10M) before sorting and keeping 51: for
--   an account of 400 entries, 350 joined to return 51. As scalar sub-selects, like the
--   revision count already was, Postgres computes them after the sort and the limit, for the
--   rows returned only (each one probe by key), whatever plan it picks for the entries.
-- Without joins the view is one that Postgres could write through, but readers hold only
-- select on it (revoked and granted again below), and writes go through the functions.
-- The answers are the same: each sub-select reads at most one row by its key under the same
-- row level security as the join did, and own_source_url returns null for anyone but the
-- author.
create or replace view public.account_timeline
with (security_invoker = true)
as
select
  i.id,
  i.org_id,
  i.account_id,
  (select a.name from public.accounts a where a.id = i.account_id) as account_name,
  i.contact_id,
  (select c.full_name from public.contacts c where c.id = i.contact_id) as contact_name,
  i.kind,
  i.title,
  i.body,
  i.signals,
  i.occurred_at,
  case when i.author_id = (select auth.uid()) then private.own_source_url(i.id) end as source_url,
  i.author_id,
  (select m.display_name from public.memberships m where m.org_id = i.org_id and m.user_id = i.author_id)
    as author_display_name,
  (select m.department from public.memberships m where m.org_id = i.org_id and m.user_id = i.author_id)
    as author_department,
  (select count(*) from public.interaction_revisions r where r.interaction_id = i.id)::integer as revision_count,
  i.created_at,
  i.updated_at
from public.interactions i
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
