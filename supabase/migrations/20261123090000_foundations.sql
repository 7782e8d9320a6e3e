-- Foundations: the private schema that holds helpers which must bypass row level security,
-- the privileges new objects start with, and the fixed vocabularies every other migration
-- checks against (customer signals, free-mail domains, the shapes of emails and URLs).

create schema if not exists private;
comment on schema private is
  'Helpers behind the API: membership checks used by policies and the functions that file, '
  'retract and join on a user''s behalf. Not exposed by the API; every function here checks '
  'who is calling.';

revoke all on schema private from public, anon, authenticated;
-- Policies run as the signed-in user, so the helpers they call must be reachable by them.
grant usage on schema private to authenticated, service_role;

-- Postgres lets PUBLIC execute every new function, and Supabase opens new tables and
-- functions in public to the API roles. Nothing here is reachable until a migration grants it.
alter default privileges revoke execute on functions from public;
alter default privileges in schema public revoke all on tables from anon, authenticated;
alter default privileges in schema public revoke all on functions from anon, authenticated;
alter default privileges in schema private revoke all on tables from anon, authenticated;
alter default privileges in schema private revoke all on functions from anon, authenticated;

-- Customer signals: what the customer did or said, never what the rep did (pact rule 2).
create function private.signal_names()
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select array[
    'buying_signal', 'objection', 'pricing', 'feature_request', 'churn_risk',
    'competitor', 'support_issue', 'praise', 'job_change', 'introduction'
  ]::text[]
$$;
comment on function private.signal_names() is
  'The customer signals an entry can be tagged with. Signals describe the customer, never '
  'the activity of the person who filed the entry.';

create function private.are_valid_signals(signals text[])
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select signals is not null
    and array_position(signals, null) is null
    and signals <@ private.signal_names()
    and cardinality(signals) = (select count(distinct s) from unnest(signals) as s)
$$;
comment on function private.are_valid_signals(text[]) is
  'True when every tag is a known customer signal and none is listed twice.';

-- Free-mail domains never make or match an account: gmail.com is not a customer.
-- The extension keeps the same list in utils/free-mail.ts; a database test keeps them equal.
create function private.free_mail_domains()
returns text[]
language sql
immutable
parallel safe
set search_path = ''
as $$
  select array[
    'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com',
    'yahoo.com', 'ymail.com', 'icloud.com', 'me.com', 'mac.com', 'aol.com', 'proton.me',
    'protonmail.com', 'gmx.com', 'gmx.de', 'web.de', 'mail.com', 'yandex.ru', 'qq.com',
    '163.com', 'zoho.com', 'fastmail.com', 'hey.com'
  ]::text[]
$$;
comment on function private.free_mail_domains() is
  'Personal email providers. An address at one of these says nothing about the company a '
  'person works for, so it never creates or matches an account.';

create function private.is_free_mail_domain(domain text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select lower(domain) = any (private.free_mail_domains())
$$;
comment on function private.is_free_mail_domain(text) is
  'True for a personal email provider such as gmail.com (see private.free_mail_domains).';

-- Trims like JavaScript's String.prototype.trim, so the database and the extension agree
-- on what an empty title is.
create function private.trim_text(value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select regexp_replace(
    value,
    '^[[:space:]\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[[:space:]\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$',
    '',
    'g'
  )
$$;
comment on function private.trim_text(text) is
  'Removes leading and trailing white space the way the extension does.';

-- The same patterns as the extension's zod schema (utils/messages.ts).
create function private.is_email(value text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select char_length(value) <= 320
    and value ~ '^(?:[A-Za-z0-9_''+-]+\.)*[A-Za-z0-9_''+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$'
$$;
comment on function private.is_email(text) is 'True for a plausible email address of at most 320 characters.';

create function private.is_domain(value text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select char_length(value) between 1 and 253
    and value ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$'
$$;
comment on function private.is_domain(text) is 'True for a lowercase host name such as acme.example.';

create function private.is_https_url(value text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select char_length(value) <= 2048
    and value ~ '^https://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^[:space:][:cntrl:]]*)?$'
$$;
comment on function private.is_https_url(text) is
  'True for an https:// link of at most 2048 characters; other schemes such as javascript: never pass.';

create function private.is_linkedin_profile_url(value text)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select char_length(value) <= 2048
    and value ~ '^https://www\.linkedin\.com/in/[^/?#[:space:][:cntrl:]]+$'
$$;
comment on function private.is_linkedin_profile_url(text) is
  'True for a canonical LinkedIn profile link: https://www.linkedin.com/in/<name>, '
  'without query or trailing slash.';

create function private.canonical_linkedin_url(value text)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select 'https://www.linkedin.com/in/' || m[1]
  from regexp_match(
    private.trim_text(value),
    '^(?:https?://)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com/in/([^/?#[:space:][:cntrl:]]+)/?(?:[?#].*)?$',
    'i'
  ) as m
$$;
comment on function private.canonical_linkedin_url(text) is
  'The canonical form of a LinkedIn profile link, or null when the text is not one.';

-- Raising through one helper keeps every refusal in the "<field>: <reason>" form the
-- extension shows to its user.
create function private.refuse(field text, reason text)
returns void
language plpgsql
volatile
set search_path = ''
as $$
begin
  raise exception '%: %', field, reason using errcode = '22023';
end;
$$;
comment on function private.refuse(text, text) is
  'Raises an invalid-parameter error whose message names the field: "<field>: <reason>".';

create function private.touch_updated_at()
returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end;
$$;
comment on function private.touch_updated_at() is 'Keeps updated_at current on every change.';

-- Pure checks run inside table constraints and policies as the signed-in user.
revoke all on function
  private.signal_names(), private.are_valid_signals(text[]), private.free_mail_domains(),
  private.is_free_mail_domain(text), private.trim_text(text), private.is_email(text),
  private.is_domain(text), private.is_https_url(text), private.is_linkedin_profile_url(text),
  private.canonical_linkedin_url(text), private.refuse(text, text), private.touch_updated_at()
  from public, anon, authenticated;
grant execute on function
  private.signal_names(), private.are_valid_signals(text[]), private.free_mail_domains(),
  private.is_free_mail_domain(text), private.trim_text(text), private.is_email(text),
  private.is_domain(text), private.is_https_url(text), private.is_linkedin_profile_url(text),
  private.canonical_linkedin_url(text), private.refuse(text, text)
  to authenticated, service_role;
