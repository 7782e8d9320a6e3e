-- Accounts (the companies we talk to), their email domains, and contacts (the people).
-- Members read them all; they are created and completed by file_interaction.

create table public.accounts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200 and private.trim_text(name) = name),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- Lets contacts and entries reference an account of their own organization only.
  unique (org_id, id)
);
comment on table public.accounts is
  'Companies the organization talks to. Every member sees every account.';
comment on column public.accounts.created_by is 'Who first filed something about this company.';

create table public.account_domains (
  org_id uuid not null,
  account_id uuid not null,
  domain text not null
    check (private.is_domain(domain) and not private.is_free_mail_domain(domain)),
  created_at timestamptz not null default now(),
  primary key (org_id, domain),
  foreign key (org_id, account_id) references public.accounts (org_id, id) on delete cascade
);
comment on table public.account_domains is
  'Email domains that belong to an account, so mail from anyone at acme.example lands on '
  'Acme. Personal providers such as gmail.com never appear here.';
comment on column public.account_domains.domain is 'A lowercase email domain, unique within the organization.';

create table public.contacts (
  id uuid primary key default gen_random_uuid(),
  org_id uuid not null references public.organizations (id) on delete cascade,
  account_id uuid,
  full_name text not null
    check (char_length(full_name) between 1 and 200 and private.trim_text(full_name) = full_name),
  email text check (email is null or (private.is_email(email) and email = lower(email))),
  linkedin_url text check (linkedin_url is null or private.is_linkedin_profile_url(linkedin_url)),
  title text check (title is null or char_length(title) <= 200),
  company text check (company is null or char_length(company) <= 200),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (email is not null or linkedin_url is not null),
  unique (org_id, id),
  foreign key (org_id, account_id) references public.accounts (org_id, id)
);
comment on table public.contacts is
  'People at customers, matched by email address or LinkedIn profile within the organization.';
comment on column public.contacts.email is 'Lowercase email address; unique within the organization.';
comment on column public.contacts.linkedin_url is
  'Canonical LinkedIn profile link (https://www.linkedin.com/in/<name>); unique within the '
  'organization, compared without regard to case.';
comment on column public.contacts.title is 'Job title as last seen on their profile or signature.';
comment on column public.contacts.company is 'Company name as the person gives it; the account is the record we keep.';

create index accounts_org_id_name_idx on public.accounts (org_id, lower(name) text_pattern_ops);
create index accounts_name_prefix_idx on public.accounts (lower(name) text_pattern_ops);
create index account_domains_account_id_idx on public.account_domains (account_id);
create index account_domains_domain_prefix_idx on public.account_domains (domain text_pattern_ops);
create unique index contacts_org_id_email_key on public.contacts (org_id, email)
  where email is not null;
create unique index contacts_org_id_linkedin_url_key on public.contacts (org_id, lower(linkedin_url))
  where linkedin_url is not null;
create index contacts_org_id_name_idx on public.contacts (org_id, lower(full_name) text_pattern_ops);
create index contacts_account_id_idx on public.contacts (account_id);

create trigger accounts_touch_updated_at before update on public.accounts
  for each row execute function private.touch_updated_at();
create trigger contacts_touch_updated_at before update on public.contacts
  for each row execute function private.touch_updated_at();

alter table public.accounts enable row level security;
alter table public.account_domains enable row level security;
alter table public.contacts enable row level security;

revoke all on public.accounts, public.account_domains, public.contacts
  from public, anon, authenticated;
grant select on public.accounts, public.account_domains, public.contacts to authenticated;
grant all on public.accounts, public.account_domains, public.contacts to service_role;

create policy "members read their organization's accounts"
  on public.accounts for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "members read their organization's account domains"
  on public.account_domains for select to authenticated
  using (org_id in (select private.member_org_ids()));

create policy "members read their organization's contacts"
  on public.contacts for select to authenticated
  using (org_id in (select private.member_org_ids()));
