-- An undone account merge tells the account apart like a contact line does, by what identifies
-- it: "Ana undid the merge of Acme GmbH (acme-gmbh.example)". The account exists again, so its
-- domain is read live. Replaces merge_history of 20261206100000 (one more column, merged_domain).
drop function public.merge_history(uuid, uuid);
create function public.merge_history(org_id uuid, account_id uuid)
returns table (
  id uuid, kind text, keep_id uuid, merged_id uuid, merged_name text, merged_email text,
  merged_linkedin_url text, kept_name text, merged_by_display_name text, merged_at timestamptz,
  undone_at timestamptz, undone_by_display_name text, undo_until timestamptz, merged_domain text
)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  if not private.is_member(merge_history.org_id) then
    raise exception 'org_id: you are not a member of this organization' using errcode = '42501';
  end if;
  return query
  with recursive merged_into (id, depth) as (
    select merge_history.account_id, 0
    union
    select m.merged_id, t.depth + 1 from public.account_merges m
    join merged_into t on m.keep_id = t.id
    where m.org_id = merge_history.org_id and m.undone_at is null and t.depth < 50
  ),
  lines as (
    select m.id, 'contact'::text as kind, m.keep_id, m.merged_id, m.merged_name, m.merged_email,
      m.merged_linkedin_url, m.kept_name, m.merged_by, m.merged_at, m.undone_at, m.undone_by
    from public.contact_merges m
    where m.org_id = merge_history.org_id and m.account_id = merge_history.account_id
    union all
    select m.id, 'account', m.keep_id, m.merged_id, m.merged_name, null, null, m.kept_name,
      m.merged_by, m.merged_at, m.undone_at, m.undone_by
    from public.account_merges m
    where m.org_id = merge_history.org_id and m.keep_id in (select t.id from merged_into t)
  )
  select l.id, l.kind, l.keep_id, l.merged_id, l.merged_name, l.merged_email, l.merged_linkedin_url,
    l.kept_name, ms.display_name, l.merged_at, l.undone_at, us.display_name,
    case
      when l.undone_at is null and l.merged_at > now() - interval '30 days'
        and private.merge_details_kept(l.id)
        then l.merged_at + interval '30 days'
    end,
    case when l.kind = 'account' and l.undone_at is not null then (
      select min(d.domain) from public.account_domains d
      where d.org_id = merge_history.org_id and d.account_id = l.merged_id
    ) end
  from lines l
  left join public.memberships ms on ms.org_id = merge_history.org_id and ms.user_id = l.merged_by
  left join public.memberships us on us.org_id = merge_history.org_id and us.user_id = l.undone_by
  order by coalesce(l.undone_at, l.merged_at) desc
  limit 200;
end;
$$;
comment on function public.merge_history(uuid, uuid) is
  'For an account''s timeline: who merged which contact or account into which, and when, newest '
  'first (at most 200). An undone merge is one line, at the moment it was undone, with who undid '
  'it ("Ana undid the merge of Mia Schmidt (LinkedIn)"). undo_until: until when undo_merge '
  'accepts the line''s id (null when it no longer does). merged_domain: for an undone account '
  'merge, a domain of the account that exists again, to tell it apart. Lines of history, not '
  'entries; members only.';

revoke all on function public.merge_history(uuid, uuid) from public, anon, authenticated;
grant execute on function public.merge_history(uuid, uuid) to authenticated, service_role;
