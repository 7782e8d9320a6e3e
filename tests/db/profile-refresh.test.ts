// A filed LinkedIn profile is the freshest word on a person's job: it updates the contact,
// where an email only fills in what the contact lacks.
import { randomUUID } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, file, freshDb, superuser, type User } from './helpers.ts';

let db: PGlite;
let ana: User;
let orgId: string;
const profileUrl = 'https://www.linkedin.com/in/lena-brandt';

const profileCapture = (company: string, title: string) => ({
  id: randomUUID(),
  org_id: orgId,
  kind: 'linkedin_profile',
  source_ref: `${profileUrl}|${company}|${title}`,
  source_url: profileUrl,
  occurred_at: '2026-11-20T09:00:00+01:00',
  title: 'Lena Brandt — LinkedIn profile',
  body: `${title} at ${company}`,
  signals: [],
  contact: { full_name: 'Lena Brandt', linkedin_url: profileUrl, title, company },
});

const contact = async () =>
  (await superuser(db, 'select full_name, title, company from public.contacts where linkedin_url = $1', [profileUrl]))[0];

beforeAll(async () => {
  db = await freshDb();
  ana = await createUser(db, 'ana@highcard.example');
  orgId = await createOrganization(db, ana, 'Highcard Demo');
});

describe('filing a LinkedIn profile', () => {
  it('creates the contact with the title and company the profile showed', async () => {
    await file(db, ana, profileCapture('Acme Robotics', 'Head of Operations'));
    expect(await contact()).toEqual({ full_name: 'Lena Brandt', title: 'Head of Operations', company: 'Acme Robotics' });
  });

  it('brings the contact up to date after a job change, keeping the earlier entry', async () => {
    await file(db, ana, profileCapture('Northwind Freight', 'COO'));
    expect(await contact()).toEqual({ full_name: 'Lena Brandt', title: 'COO', company: 'Northwind Freight' });
    const entries = await superuser(db, "select body from public.interactions where kind = 'linkedin_profile' order by created_at");
    expect(entries.map((e) => e.body)).toEqual(['Head of Operations at Acme Robotics', 'COO at Northwind Freight']);
  });

  it('does not let an email overwrite what the profile said', async () => {
    await file(db, ana, {
      ...profileCapture('Old Co', 'Intern'),
      kind: 'note',
      source_ref: undefined,
    });
    expect(await contact()).toEqual({ full_name: 'Lena Brandt', title: 'COO', company: 'Northwind Freight' });
  });
});
