-- A small demo organization for local development: four colleagues in sales, support and
-- marketing, four customer accounts, their people, a few weeks of entries (one of them
-- edited, so the revision history has something to show), and the accounts' plans: promises
-- of both sides, one of ours overdue, one of theirs settled with an earlier version.
--
-- Sign in as ana@, ben@, cleo@ or dev@highcard.example with the password "highcard-demo"
-- (or with an emailed code). Ana is the admin. Dates are relative to now, so the demo never
-- goes stale. Runs as superuser after the migrations, on a new database only.

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-0000000000a1', 'authenticated',
   'authenticated', 'ana@highcard.example',
   'scrypt$16384$8$1$p6nmHqYe3PDYWXb84DyOVg==$94DqOIFJ4ekxNa3yfdUpfGDz6IokQKucCng9gfqaqfc=', now(),
   '{"provider": "email", "providers": ["email"]}', '{"display_name": "Ana Lima"}', now() - interval '60 days', now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-0000000000a2', 'authenticated',
   'authenticated', 'ben@highcard.example',
   'scrypt$16384$8$1$p6nmHqYe3PDYWXb84DyOVg==$94DqOIFJ4ekxNa3yfdUpfGDz6IokQKucCng9gfqaqfc=', now(),
   '{"provider": "email", "providers": ["email"]}', '{"display_name": "Ben Okafor"}', now() - interval '59 days', now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-0000000000a3', 'authenticated',
   'authenticated', 'cleo@highcard.example',
   'scrypt$16384$8$1$p6nmHqYe3PDYWXb84DyOVg==$94DqOIFJ4ekxNa3yfdUpfGDz6IokQKucCng9gfqaqfc=', now(),
   '{"provider": "email", "providers": ["email"]}', '{"display_name": "Cleo Marchetti"}', now() - interval '58 days', now()),
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-4000-8000-0000000000a4', 'authenticated',
   'authenticated', 'dev@highcard.example',
   'scrypt$16384$8$1$p6nmHqYe3PDYWXb84DyOVg==$94DqOIFJ4ekxNa3yfdUpfGDz6IokQKucCng9gfqaqfc=', now(),
   '{"provider": "email", "providers": ["email"]}', '{"display_name": "Dev Sharma"}', now() - interval '30 days', now());

-- Hosted Supabase and `supabase start` run Supabase Auth, which checks bcrypt hashes and needs an
-- identity per user; the embedded stack's auth service uses the scrypt hash above.
do $$
declare
  demo_users constant uuid[] := array[
    '00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2',
    '00000000-0000-4000-8000-0000000000a3', '00000000-0000-4000-8000-0000000000a4'
  ]::uuid[];
  token_column text;
begin
  if to_regclass('auth.identities') is null or to_regprocedure('extensions.crypt(text, text)') is null then
    return;
  end if;
  execute 'update auth.users set encrypted_password = extensions.crypt($1, extensions.gen_salt(''bf'')) where id = any ($2)'
    using 'highcard-demo', demo_users;
  foreach token_column in array array['confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change'] loop
    if exists (select 1 from information_schema.columns
               where table_schema = 'auth' and table_name = 'users' and column_name = token_column) then
      execute format('update auth.users set %I = '''' where id = any ($1)', token_column) using demo_users;
    end if;
  end loop;
  execute $sql$
    insert into auth.identities (user_id, provider_id, provider, identity_data, last_sign_in_at, created_at, updated_at)
    select u.id, u.id::text, 'email',
           jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true),
           now(), now(), now()
    from auth.users u where u.id = any ($1)
  $sql$ using demo_users;
end
$$;

insert into public.organizations (id, name, created_by, created_at)
values ('d0000000-0000-4000-8000-000000000001', 'Highcard Demo', '00000000-0000-4000-8000-0000000000a1', now() - interval '60 days');

insert into public.memberships (org_id, user_id, role, department, display_name, created_at)
values
  ('d0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a1', 'admin', 'Sales', 'Ana Lima', now() - interval '60 days'),
  ('d0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a2', 'member', 'Support', 'Ben Okafor', now() - interval '59 days'),
  ('d0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a3', 'manager', 'Marketing', 'Cleo Marchetti', now() - interval '58 days'),
  ('d0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a4', 'member', 'Sales', 'Dev Sharma', now() - interval '30 days');

insert into public.accounts (id, org_id, name, created_by, created_at)
values
  ('a0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'Acme Robotics', '00000000-0000-4000-8000-0000000000a1', now() - interval '45 days'),
  ('a0000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001', 'Globex Logistics', '00000000-0000-4000-8000-0000000000a2', now() - interval '40 days'),
  ('a0000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000001', 'Initech', '00000000-0000-4000-8000-0000000000a4', now() - interval '25 days'),
  ('a0000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000001', 'Umbrella Health', '00000000-0000-4000-8000-0000000000a3', now() - interval '12 days');

insert into public.account_domains (org_id, account_id, domain)
values
  ('d0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'acme-robotics.example'),
  ('d0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002', 'globex.example'),
  ('d0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003', 'initech.example'),
  ('d0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000004', 'umbrella-health.example');

insert into public.contacts (id, org_id, account_id, full_name, email, linkedin_url, title, company, created_by, created_at)
values
  ('c0000000-0000-4000-8000-000000000001', 'd0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
   'Dana Whitfield', 'dana@acme-robotics.example', 'https://www.linkedin.com/in/dana-whitfield', 'COO', 'Acme Robotics',
   '00000000-0000-4000-8000-0000000000a1', now() - interval '45 days'),
  ('c0000000-0000-4000-8000-000000000002', 'd0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001',
   'Raj Patel', 'raj.patel@acme-robotics.example', null, 'Head of Procurement', 'Acme Robotics',
   '00000000-0000-4000-8000-0000000000a1', now() - interval '20 days'),
  ('c0000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002',
   'Mia Chen', 'mia.chen@globex.example', null, 'VP Operations', 'Globex Logistics',
   '00000000-0000-4000-8000-0000000000a2', now() - interval '40 days'),
  ('c0000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000003',
   'Lee Park', 'lee@initech.example', null, 'CTO', 'Initech',
   '00000000-0000-4000-8000-0000000000a4', now() - interval '25 days'),
  ('c0000000-0000-4000-8000-000000000005', 'd0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000004',
   'Sam Rivera', null, 'https://www.linkedin.com/in/sam-rivera', 'VP Operations', 'Umbrella Health',
   '00000000-0000-4000-8000-0000000000a3', now() - interval '12 days'),
  ('c0000000-0000-4000-8000-000000000006', 'd0000000-0000-4000-8000-000000000001', null,
   'Priya Nair', 'priya.nair@gmail.com', null, 'Independent consultant', null,
   '00000000-0000-4000-8000-0000000000a3', now() - interval '8 days');

insert into public.interactions (id, org_id, account_id, contact_id, author_id, kind, source_ref, source_url,
                                 occurred_at, title, body, signals, created_at, updated_at)
select
  e.id::uuid, 'd0000000-0000-4000-8000-000000000001', e.account_id::uuid, e.contact_id::uuid, e.author_id::uuid,
  e.kind, e.source_ref, e.source_url, now() - e.ago, e.title, e.body, e.signals,
  now() - e.ago + interval '20 minutes', now() - e.ago + interval '20 minutes'
from (values
  ('e0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001',
   '00000000-0000-4000-8000-0000000000a1', 'email', 'gmail:18c2f0a1b2c3d4e1', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e1',
   interval '44 days', 'Evaluating us against RoboOps for the Lyon plant',
   'We are comparing you with RoboOps. Their quote is 15% lower, but your scheduling looks better for our two-shift setup.',
   array['competitor', 'pricing']),
  ('e0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001',
   '00000000-0000-4000-8000-0000000000a1', 'email', 'gmail:18c2f0a1b2c3d4e2', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e2',
   interval '30 days', 'Wants a pilot on one line before committing',
   'If the pilot on line 3 hits 95% uptime for a month, we would roll out to all four lines next quarter.',
   array['buying_signal']),
  ('e0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002',
   '00000000-0000-4000-8000-0000000000a2', 'email', 'gmail:18c2f0a1b2c3d4e3', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e3',
   interval '18 days', 'Procurement needs SSO before signing',
   'Raj says procurement will not sign without SAML single sign-on and an audit log export.',
   array['feature_request', 'objection']),
  ('e0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000001',
   '00000000-0000-4000-8000-0000000000a4', 'linkedin_message', 'urn:li:msg:2-acme-0004', 'https://www.linkedin.com/messaging/thread/2-acme-0004/',
   interval '6 days', 'Pilot going well, asks about annual pricing',
   'Line 3 has been stable for three weeks. Could you send annual pricing for 40 seats?',
   array['pricing', 'buying_signal', 'praise']),
  ('e0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003',
   '00000000-0000-4000-8000-0000000000a2', 'email', 'gmail:18c2f0a1b2c3d4e5', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e5',
   interval '39 days', 'Driver app crashes on older Android phones',
   'About a third of their drivers still use Android 9. The app closes when they scan a parcel.',
   array['support_issue']),
  ('e0000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003',
   '00000000-0000-4000-8000-0000000000a2', 'email', 'gmail:18c2f0a1b2c3d4e6', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e6',
   interval '26 days', 'Crash fix confirmed, thanked the team',
   'Mia confirmed the fix works on every phone they tested and thanked support for the quick turnaround.',
   array['praise']),
  ('e0000000-0000-4000-8000-000000000007', 'a0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003',
   '00000000-0000-4000-8000-0000000000a3', 'email', 'gmail:18c2f0a1b2c3d4e7', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e7',
   interval '9 days', 'Budget freeze: renewal may be cut to 20 seats',
   'Globex froze new spend until March. Mia expects to renew at 20 seats instead of 35 unless route planning ships.',
   array['churn_risk', 'pricing']),
  ('e0000000-0000-4000-8000-000000000008', 'a0000000-0000-4000-8000-000000000002', null,
   '00000000-0000-4000-8000-0000000000a3', 'note', null, null,
   interval '8 days', 'Heard at LogiMat: Globex piloting a competitor for route planning',
   'Two people from Globex ops were at the RoutePilot booth asking about a pilot.',
   array['competitor', 'churn_risk']),
  ('e0000000-0000-4000-8000-000000000009', 'a0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000004',
   '00000000-0000-4000-8000-0000000000a4', 'email', 'gmail:18c2f0a1b2c3d4e9', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4e9',
   interval '24 days', 'Needs an on-premise option for the German sites',
   'Works council requires data to stay on their servers in Germany. Asks whether we offer on-premise.',
   array['feature_request', 'objection']),
  ('e0000000-0000-4000-8000-000000000010', 'a0000000-0000-4000-8000-000000000003', 'c0000000-0000-4000-8000-000000000004',
   '00000000-0000-4000-8000-0000000000a4', 'email', 'gmail:18c2f0a1b2c3d4ea', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4ea',
   interval '11 days', 'Ready to start procurement for EU region hosting',
   'EU hosting in Frankfurt is enough for the works council. Lee is starting procurement and wants a draft order form.',
   array['buying_signal']),
  ('e0000000-0000-4000-8000-000000000011', 'a0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000005',
   '00000000-0000-4000-8000-0000000000a3', 'linkedin_profile', 'https://www.linkedin.com/in/sam-rivera', 'https://www.linkedin.com/in/sam-rivera',
   interval '12 days', 'Sam Rivera moved to Umbrella Health as VP Operations',
   'Previously ran operations at a customer of ours for four years.',
   array['job_change']),
  ('e0000000-0000-4000-8000-000000000012', 'a0000000-0000-4000-8000-000000000004', 'c0000000-0000-4000-8000-000000000005',
   '00000000-0000-4000-8000-0000000000a3', 'linkedin_message', 'urn:li:msg:2-umbrella-0012', 'https://www.linkedin.com/messaging/thread/2-umbrella-0012/',
   interval '10 days', 'Wants to bring us into Umbrella Health',
   'Sam liked us at the old job and wants a call with their IT lead next week.',
   array['buying_signal', 'introduction']),
  ('e0000000-0000-4000-8000-000000000013', null, 'c0000000-0000-4000-8000-000000000006',
   '00000000-0000-4000-8000-0000000000a3', 'email', 'gmail:18c2f0a1b2c3d4ed', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4ed',
   interval '8 days', 'Offers to introduce us to two hospital groups',
   'Priya advises hospital groups on scheduling and offered to introduce us to two of them.',
   array['introduction']),
  ('e0000000-0000-4000-8000-000000000014', 'a0000000-0000-4000-8000-000000000001', 'c0000000-0000-4000-8000-000000000002',
   '00000000-0000-4000-8000-0000000000a1', 'email', 'gmail:18c2f0a1b2c3d4ee', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4ee',
   interval '3 days', 'SSO timeline accepted, contract in legal review',
   'Raj accepted SSO in Q1 as a contract commitment. The order form is with their legal team.',
   array['buying_signal']),
  ('e0000000-0000-4000-8000-000000000015', 'a0000000-0000-4000-8000-000000000002', 'c0000000-0000-4000-8000-000000000003',
   '00000000-0000-4000-8000-0000000000a2', 'email', 'gmail:18c2f0a1b2c3d4ef', 'https://mail.google.com/mail/u/0/#all/18c2f0a1b2c3d4ef',
   interval '2 days', 'Barcode scanning slow at the Rotterdam depot',
   'Scans take up to five seconds at Rotterdam since last week. Other depots are fine.',
   array['support_issue'])
) as e(id, account_id, contact_id, author_id, kind, source_ref, source_url, ago, title, body, signals);

-- Ben edited his entry about Acme's procurement: the first version is kept as a revision.
insert into public.interaction_revisions (interaction_id, org_id, title, body, signals, edited_by, edited_at)
values ('e0000000-0000-4000-8000-000000000003', 'd0000000-0000-4000-8000-000000000001',
        'Procurement wants SSO',
        'Raj says procurement will not sign without single sign-on.',
        array['feature_request'],
        '00000000-0000-4000-8000-0000000000a2', now() - interval '17 days');
update public.interactions
set updated_at = now() - interval '17 days'
where id = 'e0000000-0000-4000-8000-000000000003';

-- The accounts' plans, from what the customers said above (docs/design.md, "Plans"). Dates
-- are relative to today: Acme waits on our annual pricing (overdue), Globex owes us the
-- renewal seat count (overdue), and Raj's answer on SSO settled his promise (edited once
-- before that, so its history has something to show).
insert into public.plan_items (id, org_id, account_id, kind, side, body, due_on, contact_id, taken_by,
                               source_interaction_id, author_id, created_at, updated_at,
                               settled_at, settled_by, outcome, settled_note, settled_interaction_id)
select
  p.id::uuid, 'd0000000-0000-4000-8000-000000000001', p.account_id::uuid, p.kind, p.side, p.body,
  current_date + p.due_in, p.contact_id::uuid, p.taken_by::uuid, p.source_id::uuid, p.author_id::uuid,
  now() - p.ago, now() - p.ago,
  now() - p.settled_ago, case when p.settled_ago is not null then p.author_id::uuid end, p.outcome, p.settled_note,
  p.settled_by_entry::uuid
from (values
  ('f0000000-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000001', 'goal', null,
   'Roll out to all four lines next quarter if line 3 holds 95% uptime for a month', null::int, null, null,
   'e0000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000a1', interval '30 days',
   null::interval, null, null, null),
  ('f0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000001', 'step', 'ours',
   'Send annual pricing for 40 seats', -2, 'c0000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000a4',
   'e0000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-0000000000a4', interval '6 days',
   null, null, null, null),
  ('f0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000001', 'step', 'theirs',
   'Raj gets the order form through their legal review', 9, 'c0000000-0000-4000-8000-000000000002', null,
   'e0000000-0000-4000-8000-000000000014', '00000000-0000-4000-8000-0000000000a1', interval '3 days',
   null, null, null, null),
  ('f0000000-0000-4000-8000-000000000004', 'a0000000-0000-4000-8000-000000000001', 'step', 'theirs',
   'Raj confirms whether SSO in Q1 works for procurement', -4, 'c0000000-0000-4000-8000-000000000002', null,
   'e0000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-0000000000a2', interval '17 days',
   interval '3 days', 'done', 'Accepted as a contract commitment', 'e0000000-0000-4000-8000-000000000014'),
  ('f0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000001', 'risk', null,
   'Procurement will not sign without SAML single sign-on and an audit log export', null, null, null,
   'e0000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-0000000000a2', interval '17 days',
   null, null, null, null),
  ('f0000000-0000-4000-8000-000000000006', 'a0000000-0000-4000-8000-000000000002', 'step', 'theirs',
   'Mia tells us the renewal seat count once the budget freeze is decided', -3, 'c0000000-0000-4000-8000-000000000003', null,
   'e0000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-0000000000a3', interval '9 days',
   null, null, null, null),
  ('f0000000-0000-4000-8000-000000000007', 'a0000000-0000-4000-8000-000000000002', 'step', 'ours',
   'Show Globex ops the route planning beta', 12, 'c0000000-0000-4000-8000-000000000003', null,
   'e0000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-0000000000a3', interval '8 days',
   null, null, null, null),
  ('f0000000-0000-4000-8000-000000000008', 'a0000000-0000-4000-8000-000000000002', 'question', null,
   'Who at Globex decides on a route planning pilot?', null, null, null,
   'e0000000-0000-4000-8000-000000000008', '00000000-0000-4000-8000-0000000000a3', interval '8 days',
   null, null, null, null),
  ('f0000000-0000-4000-8000-000000000009', 'a0000000-0000-4000-8000-000000000003', 'step', 'ours',
   'Send Lee a draft order form for EU hosting', 1, 'c0000000-0000-4000-8000-000000000004', null,
   'e0000000-0000-4000-8000-000000000010', '00000000-0000-4000-8000-0000000000a4', interval '11 days',
   null, null, null, null)
) as p(id, account_id, kind, side, body, due_in, contact_id, taken_by, source_id, author_id, ago,
       settled_ago, outcome, settled_note, settled_by_entry);

-- Ben first wrote Raj's promise without the procurement part and a day later.
insert into public.plan_item_revisions (plan_item_id, org_id, body, due_on, edited_by, edited_at)
values ('f0000000-0000-4000-8000-000000000004', 'd0000000-0000-4000-8000-000000000001',
        'Raj confirms the SSO timeline', current_date - 3,
        '00000000-0000-4000-8000-0000000000a2', now() - interval '16 days');
