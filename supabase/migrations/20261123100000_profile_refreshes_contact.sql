-- A LinkedIn profile the rep files is the freshest word on where the person works now:
-- filing it updates the contact's name, title and company (other captures only fill in
-- what the contact lacks). The old values stay visible in the filed profile entries, so a
-- job change is never lost, only brought up to date.

create function private.refresh_contact_from_profile(target_contact uuid, person jsonb)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
begin
  update public.contacts c set
    full_name = coalesce(nullif(private.trim_text(person ->> 'full_name'), ''), c.full_name),
    title = coalesce(nullif(private.trim_text(person ->> 'title'), ''), c.title),
    company = coalesce(nullif(private.trim_text(person ->> 'company'), ''), c.company)
  where c.id = target_contact
    and private.is_member(c.org_id)
    and (
      c.full_name is distinct from coalesce(nullif(private.trim_text(person ->> 'full_name'), ''), c.full_name)
      or c.title is distinct from coalesce(nullif(private.trim_text(person ->> 'title'), ''), c.title)
      or c.company is distinct from coalesce(nullif(private.trim_text(person ->> 'company'), ''), c.company)
    );
end;
$$;
comment on function private.refresh_contact_from_profile(uuid, jsonb) is
  'After a LinkedIn profile is filed: sets the contact''s name, title and company to what the '
  'profile showed. Only for members of the contact''s organization.';

create or replace function public.file_interaction(capture jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  result jsonb := private.file_interaction(file_interaction.capture);
begin
  if (result ->> 'created')::boolean
    and file_interaction.capture ->> 'kind' = 'linkedin_profile'
    and result ->> 'contact_id' is not null then
    perform private.refresh_contact_from_profile((result ->> 'contact_id')::uuid, file_interaction.capture -> 'contact');
  end if;
  return result;
end;
$$;
comment on function public.file_interaction(jsonb) is
  'Files one entry from the extension: checks the capture, finds or creates the contact and '
  'account, and returns { id, account_id, contact_id, created }. Sending the same entry again '
  '(same id, or same source message) returns the existing entry with created = false and '
  'changes nothing. A filed LinkedIn profile brings the contact''s title and company up to '
  'date. The author is always the signed-in user.';

revoke all on function private.refresh_contact_from_profile(uuid, jsonb) from public, anon, authenticated;
grant execute on function private.refresh_contact_from_profile(uuid, jsonb) to authenticated, service_role;
revoke all on function public.file_interaction(jsonb) from public, anon;
grant execute on function public.file_interaction(jsonb) to authenticated, service_role;
