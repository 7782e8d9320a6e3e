-- What a merge moves, and what its undo moves back, in one helper (docs/design.md, "Merges can
-- be undone, and old ids lead on"). The merges of 20261206100300 and their two undo halves each
-- spelled out "move these rows to the other record and write down which" once per kind of
-- row; private.move_merged_rows does it for all of them, the same way both ways. What differs
-- stays in the functions: an entry of the merged contact that had no account takes the kept
-- one's, and domains are keyed by the domain itself. Behaviour is unchanged; grants are kept by
-- create or replace.

create function private.move_merged_rows(
  target_org uuid, relation text, pointer text, from_id uuid, to_id uuid, only_ids uuid[] default null
)
returns uuid[]
language plpgsql
volatile
set search_path = ''
as $$
declare
  moved uuid[];
begin
  -- Only what merges move, so the table and column given can never name anything else.
  if not coalesce((relation, pointer) in (
    ('interactions', 'account_id'), ('contacts', 'account_id'), ('plan_items', 'account_id'),
    ('contact_merges', 'account_id'), ('plan_items', 'contact_id'), ('contact_identities', 'contact_id')
  ), false) then
    raise exception 'relation: a merge does not move %.%', relation, pointer using errcode = '22023';
  end if;
  -- One statement per kind: the entries' statement-level triggers move the insights rollup in
  -- one pass.
  execute format(
    'with moved as ('
    '  update public.%1$I r set %2$I = $1'
    '  where r.org_id = $2 and r.%2$I = $3 %3$s'
    '  returning r.id'
    ') select coalesce(array_agg(m.id), ''{}'') from moved m',
    relation, pointer, case when only_ids is null then '' else 'and r.id = any ($4)' end
  )
  into moved
  using to_id, target_org, from_id, only_ids;
  return moved;
end;
$$;
comment on function private.move_merged_rows(uuid, text, text, uuid, uuid, uuid[]) is
  'For merges and their undo: points the rows of one kind (relation.pointer: entries, contacts, '
  'plan items or contact merge lines by account; plan items or further identities by contact) '
  'of target_org from from_id to to_id, and returns the ids moved, which the merge writes down '
  'in private.merge_details. A merge moves every such row (only_ids null); an undo moves back '
  'only the ids written down that are still where the merge put them. Runs with the rights of '
  'the merge function that calls it.';

create or replace function private.merge_contacts(target_org uuid, keep_id uuid, merge_id uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  kept public.contacts%rowtype;
  merged public.contacts%rowtype;
  line_id uuid;
  moved_entries uuid[];
  given_account uuid[];
  moved_identities uuid[];
  moved_plans uuid[];
  added_identities uuid[] := '{}';
  added uuid;
  filled jsonb := '{}';
begin
  perform private.begin_merge(target_org, keep_id, merge_id, 'contact');

  select * into kept from public.contacts c where c.id = keep_id and c.org_id = target_org for update;
  if not found then
    raise exception 'keep_id: no such contact in this organization' using errcode = 'P0002';
  end if;
  select * into merged from public.contacts c where c.id = merge_id and c.org_id = target_org for update;
  if not found then
    raise exception 'merge_id: no such contact in this organization' using errcode = 'P0002';
  end if;

  -- Every entry, retracted ones included, keeps its author, text and revisions; an entry
  -- filed without an account joins the kept contact's. One statement: the entries'
  -- statement-level triggers move the insights rollup in one pass.
  select coalesce(array_agg(i.id), '{}') into given_account
  from public.interactions i
  where i.org_id = target_org and i.contact_id = merged.id and i.account_id is null
    and kept.account_id is not null;
  with moved as (
    update public.interactions i set
      contact_id = kept.id,
      account_id = coalesce(i.account_id, kept.account_id)
    where i.org_id = target_org and i.contact_id = merged.id
    returning i.id
  )
  select coalesce(array_agg(m.id), '{}') into moved_entries from moved m;

  moved_identities := private.move_merged_rows(target_org, 'contact_identities', 'contact_id', merged.id, kept.id);
  -- Plan items about the merged person now name the kept one (their account stays theirs).
  moved_plans := private.move_merged_rows(target_org, 'plan_items', 'contact_id', merged.id, kept.id);

  delete from public.contacts c where c.id = merged.id;

  -- The merged contact's own address and profile now lead to the kept one: into its columns
  -- when it has none of that kind, else as further identities. Nothing of kept is overwritten.
  filled := jsonb_strip_nulls(jsonb_build_object(
    'email', case when kept.email is null then merged.email end,
    'linkedin_url', case when kept.linkedin_url is null then merged.linkedin_url end,
    'title', case when kept.title is null then merged.title end,
    'company', case when kept.company is null then merged.company end,
    'account_id', case when kept.account_id is null then merged.account_id end
  ));
  update public.contacts c set
    email = coalesce(c.email, merged.email),
    linkedin_url = coalesce(c.linkedin_url, merged.linkedin_url),
    title = coalesce(c.title, merged.title),
    company = coalesce(c.company, merged.company),
    account_id = coalesce(c.account_id, merged.account_id)
  where c.id = kept.id;
  if merged.email is not null and kept.email is not null then
    insert into public.contact_identities (org_id, contact_id, email) values (target_org, kept.id, merged.email)
    returning id into added;
    added_identities := added_identities || added;
  end if;
  if merged.linkedin_url is not null and kept.linkedin_url is not null then
    insert into public.contact_identities (org_id, contact_id, linkedin_url) values (target_org, kept.id, merged.linkedin_url)
    returning id into added;
    added_identities := added_identities || added;
  end if;

  insert into public.contact_merges (
    org_id, keep_id, merged_id, merged_name, merged_email, merged_linkedin_url, kept_name, account_id, merged_by
  ) values (
    target_org, kept.id, merged.id, merged.full_name, merged.email, merged.linkedin_url, kept.full_name,
    coalesce(kept.account_id, merged.account_id), caller
  )
  returning id into line_id;

  insert into private.merge_details (
    merge_id, org_id, record, merged_record, entry_ids, entries_given_account, given_account_id,
    identity_ids, added_identity_ids, kept_filled, plan_item_ids
  ) values (
    line_id, target_org, 'contact', to_jsonb(merged), moved_entries, given_account, kept.account_id,
    moved_identities, added_identities, filled, moved_plans
  );
  return kept.id;
end;
$$;
comment on function private.merge_contacts(uuid, uuid, uuid) is
  'Merges one contact into another for a member of their organization (entries, identities and '
  'plan items move to the kept contact), and writes down what moved (private.merge_details) so '
  'the merge can be undone for 30 days. The entries move in one statement; the insights rollup '
  'follows through their statement-level triggers. Called by public.merge_contacts.';

create or replace function private.merge_accounts(target_org uuid, keep_id uuid, merge_id uuid)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := auth.uid();
  kept public.accounts%rowtype;
  merged public.accounts%rowtype;
  line_id uuid;
  moved_domains text[];
  moved_contacts uuid[];
  moved_entries uuid[];
  moved_lines uuid[];
  moved_plans uuid[];
begin
  perform private.begin_merge(target_org, keep_id, merge_id, 'account');

  select * into kept from public.accounts a where a.id = keep_id and a.org_id = target_org for update;
  if not found then
    raise exception 'keep_id: no such account in this organization' using errcode = 'P0002';
  end if;
  select * into merged from public.accounts a where a.id = merge_id and a.org_id = target_org for update;
  if not found then
    raise exception 'merge_id: no such account in this organization' using errcode = 'P0002';
  end if;

  with moved as (
    update public.account_domains d set account_id = kept.id
    where d.org_id = target_org and d.account_id = merged.id
    returning d.domain
  )
  select coalesce(array_agg(m.domain), '{}') into moved_domains from moved m;
  moved_contacts := private.move_merged_rows(target_org, 'contacts', 'account_id', merged.id, kept.id);
  moved_entries := private.move_merged_rows(target_org, 'interactions', 'account_id', merged.id, kept.id);
  -- The merged account's plan joins the kept one's, open and settled items alike.
  moved_plans := private.move_merged_rows(target_org, 'plan_items', 'account_id', merged.id, kept.id);
  moved_lines := private.move_merged_rows(target_org, 'contact_merges', 'account_id', merged.id, kept.id);

  delete from public.accounts a where a.id = merged.id;

  insert into public.account_merges (org_id, keep_id, merged_id, merged_name, kept_name, merged_by)
  values (target_org, kept.id, merged.id, merged.name, kept.name, caller)
  returning id into line_id;

  insert into private.merge_details (
    merge_id, org_id, record, merged_record, entry_ids, domains, contact_ids, contact_merge_ids, plan_item_ids
  ) values (
    line_id, target_org, 'account', to_jsonb(merged), moved_entries, moved_domains, moved_contacts, moved_lines, moved_plans
  );
  return kept.id;
end;
$$;
comment on function private.merge_accounts(uuid, uuid, uuid) is
  'Merges one account into another for a member of their organization (domains, contacts, '
  'entries and plan items move to the kept account), and writes down what moved '
  '(private.merge_details) so the merge can be undone for 30 days. The entries move in one '
  'statement; the insights rollup follows through their statement-level triggers. Called by '
  'public.merge_accounts.';

create or replace function private.undo_contact_merge(line public.contact_merges, details private.merge_details)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  target_org uuid := line.org_id;
  restored public.contacts;
  kept public.contacts%rowtype;
begin
  select * into kept from public.contacts c where c.id = line.keep_id and c.org_id = target_org for update;
  restored := jsonb_populate_record(null::public.contacts, details.merged_record);

  -- The merged contact's own address and profile leave the kept one first: they were made
  -- further identities, or filled columns the kept contact did not have.
  delete from public.contact_identities i
  where i.id = any (details.added_identity_ids) and i.contact_id = kept.id;
  update public.contacts c set
    email = case when c.email = details.kept_filled ->> 'email' then null else c.email end,
    linkedin_url = case when c.linkedin_url = details.kept_filled ->> 'linkedin_url' then null else c.linkedin_url end,
    title = case when c.title = details.kept_filled ->> 'title' then null else c.title end,
    company = case when c.company = details.kept_filled ->> 'company' then null else c.company end,
    account_id = case
      when c.account_id = private.current_account_id(target_org, (details.kept_filled ->> 'account_id')::uuid) then null
      else c.account_id
    end
  where c.id = kept.id
    and (c.email = details.kept_filled ->> 'email'
      or c.linkedin_url = details.kept_filled ->> 'linkedin_url'
      or c.title = details.kept_filled ->> 'title'
      or c.company = details.kept_filled ->> 'company'
      or c.account_id = private.current_account_id(target_org, (details.kept_filled ->> 'account_id')::uuid));

  -- Back as it was, on the account its own has become (or none), with its own address and
  -- profile unless someone else holds them by now.
  restored.account_id := private.current_account_id(target_org, restored.account_id);
  restored.created_by := private.known_user(restored.created_by);
  if restored.email is not null and private.contact_by_email(target_org, restored.email) is not null then
    restored.email := null;
  end if;
  if restored.linkedin_url is not null and private.contact_by_profile(target_org, restored.linkedin_url) is not null then
    restored.linkedin_url := null;
  end if;
  insert into public.contacts select restored.*;

  perform private.move_merged_rows(target_org, 'contact_identities', 'contact_id', kept.id, restored.id, details.identity_ids);

  -- Exactly the entries the merge moved, where they still are; what was filed on the kept
  -- contact since stays there. One statement, one pass over the insights rollup.
  update public.interactions i set
    contact_id = restored.id,
    account_id = case
      when i.id = any (details.entries_given_account)
        and i.account_id is not distinct from private.current_account_id(target_org, details.given_account_id)
        then null
      else i.account_id
    end
  where i.org_id = target_org and i.id = any (details.entry_ids) and i.contact_id = kept.id;

  perform private.move_merged_rows(target_org, 'plan_items', 'contact_id', kept.id, restored.id, details.plan_item_ids);

  return restored.id;
end;
$$;
comment on function private.undo_contact_merge(public.contact_merges, private.merge_details) is
  'Restores a merged contact and moves back what its merge moved, plan items included. Called by private.undo_merge.';

create or replace function private.undo_account_merge(line public.account_merges, details private.merge_details)
returns uuid
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  target_org uuid := line.org_id;
  restored public.accounts;
begin
  perform 1 from public.accounts a where a.id = line.keep_id and a.org_id = target_org for update;
  restored := jsonb_populate_record(null::public.accounts, details.merged_record);
  restored.created_by := private.known_user(restored.created_by);
  insert into public.accounts select restored.*;

  update public.account_domains d set account_id = restored.id
  where d.org_id = target_org and d.domain = any (details.domains) and d.account_id = line.keep_id;
  perform private.move_merged_rows(target_org, 'contacts', 'account_id', line.keep_id, restored.id, details.contact_ids);
  -- Exactly the entries the merge moved, where they still are; what was filed on the kept
  -- account since stays there. One statement, one pass over the insights rollup.
  perform private.move_merged_rows(target_org, 'interactions', 'account_id', line.keep_id, restored.id, details.entry_ids);
  perform private.move_merged_rows(target_org, 'contact_merges', 'account_id', line.keep_id, restored.id, details.contact_merge_ids);
  perform private.move_merged_rows(target_org, 'plan_items', 'account_id', line.keep_id, restored.id, details.plan_item_ids);

  return restored.id;
end;
$$;
comment on function private.undo_account_merge(public.account_merges, private.merge_details) is
  'Restores a merged account and moves back what its merge moved, plan items included. Called by private.undo_merge.';

revoke all on function private.move_merged_rows(uuid, text, text, uuid, uuid, uuid[]) from public, anon, authenticated;
grant execute on function private.move_merged_rows(uuid, text, text, uuid, uuid, uuid[]) to service_role;
