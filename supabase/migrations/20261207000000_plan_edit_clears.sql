-- The author can take a due date or a contact off a plan item (docs/design.md, "Plans"). In
-- edit_plan_item a left-out or null argument means "unchanged", so clearing needs its own
-- word: clear_due_on and clear_contact_id, false by default. The contract's arguments (id,
-- body, due_on, contact_id) stay as they were, and a call that names only them does what it
-- did before. Clearing the date keeps the previous body and date in plan_item_revisions, like
-- any change of the date.
--
-- The four-argument function is replaced, not overloaded: PostgREST could not choose between
-- two functions that both take id, body, due_on and contact_id by name.

drop function public.edit_plan_item(uuid, text, date, uuid);
drop function private.edit_plan_item(uuid, text, date, uuid);

create function private.edit_plan_item(
  target uuid, new_body text, new_due_on date, new_contact uuid, clear_due boolean, clear_contact boolean
)
returns void
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  item public.plan_items%rowtype;
  item_org uuid;
  clean_body text;
  next_due date;
  contact uuid;
begin
  -- The organization's filing lock before the item's row lock, in the order merges take them,
  -- so an edit naming a contact and a merge of that contact wait for each other, never deadlock.
  select p.org_id into item_org from public.plan_items p where p.id = target;
  if item_org is not null and private.is_member(item_org) then
    perform pg_advisory_xact_lock(hashtextextended('highcard.file_interaction:' || item_org::text, 0));
  end if;
  item := private.plan_item_for_caller(target);
  if item.author_id <> auth.uid() then
    raise exception 'id: only its author edits a plan item' using errcode = '42501';
  end if;
  if coalesce(clear_due, false) and new_due_on is not null then
    perform private.refuse('due_on', 'give a due date or clear it, not both');
  end if;
  if coalesce(clear_contact, false) and new_contact is not null then
    perform private.refuse('contact_id', 'give a contact or clear it, not both');
  end if;
  clean_body := coalesce(private.clean_plan_text('body', new_body, false), item.body);
  if new_due_on is not null and item.kind <> 'step' then
    perform private.refuse('due_on', 'only a step has a due date');
  end if;
  perform private.check_plan_due_on(new_due_on);
  next_due := case when coalesce(clear_due, false) then null else coalesce(new_due_on, item.due_on) end;
  contact := case
    when coalesce(clear_contact, false) then null
    else coalesce(private.plan_contact(item.org_id, item.account_id, new_contact), item.contact_id)
  end;

  if (clean_body, next_due) is distinct from (item.body, item.due_on) then
    insert into public.plan_item_revisions (plan_item_id, org_id, body, due_on, edited_by)
    values (item.id, item.org_id, item.body, item.due_on, auth.uid());
  end if;
  if (clean_body, next_due, contact) is distinct from (item.body, item.due_on, item.contact_id) then
    update public.plan_items p set
      body = clean_body,
      due_on = next_due,
      contact_id = contact,
      updated_at = now()
    where p.id = item.id;
  end if;
end;
$$;
comment on function private.edit_plan_item(uuid, text, date, uuid, boolean, boolean) is
  'Changes a plan item for its author, keeping the previous body and date; clear_due and '
  'clear_contact take the date or the contact off. Called by public.edit_plan_item.';

create function public.edit_plan_item(
  id uuid, body text default null, due_on date default null, contact_id uuid default null,
  clear_due_on boolean default false, clear_contact_id boolean default false
)
returns void
language sql
volatile
security invoker
set search_path = ''
as $$
  select private.edit_plan_item(
    edit_plan_item.id, edit_plan_item.body, edit_plan_item.due_on, edit_plan_item.contact_id,
    edit_plan_item.clear_due_on, edit_plan_item.clear_contact_id
  )
$$;
comment on function public.edit_plan_item(uuid, text, date, uuid, boolean, boolean) is
  'The author only: changes the body, the due date (steps) or the contact (of the same account) '
  'of a plan item; what is left out, or null, stays as it is. clear_due_on takes the due date '
  'off and clear_contact_id the contact (refused together with a new date or contact). The '
  'previous body and date are kept in plan_item_revisions, which every member can read.';

revoke all on function
  private.edit_plan_item(uuid, text, date, uuid, boolean, boolean),
  public.edit_plan_item(uuid, text, date, uuid, boolean, boolean)
  from public, anon, authenticated;
-- The public function delegates to its private half, which checks the caller itself.
grant execute on function
  private.edit_plan_item(uuid, text, date, uuid, boolean, boolean),
  public.edit_plan_item(uuid, text, date, uuid, boolean, boolean)
  to authenticated, service_role;
