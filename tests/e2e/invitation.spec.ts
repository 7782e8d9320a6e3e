// A team in a day, through the built extension's Settings: an admin shares one invitation, a
// colleague in a new browser profile pastes it and is in; a CRM export is imported and the
// stack has its contacts.
import { expect, launchWithExtension, serviceWorkerOf, test } from './extension';
import { adminClient, latestCode, orgIdNamed } from './backend';
import { openNewTeam, openOptions, openSection } from './session';

test('an admin shares an invitation, and a new browser pastes it and lands signed in and in the organization', async ({
  context,
  extensionId,
}) => {
  const stamp = Date.now();
  const orgName = `Harbor Outfitters ${stamp}`;
  const ana = await openNewTeam(context, extensionId, `ana+${stamp}@harbor.example`, orgName);
  // Right after creating it, what to do next is in view on an ordinary laptop screen.
  await ana.setViewportSize({ width: 1280, height: 800 });
  await expect(ana.getByRole('region', { name: 'What to do next' })).toBeInViewport();

  await openSection(ana, 'People');
  await ana.getByRole('button', { name: 'Create invitation' }).click();
  const shared = ana.getByLabel('Invitation to share');
  await expect(shared).toHaveValue(/hc1_[A-Za-z0-9_-]+/);
  const invitation = await shared.inputValue();

  const second = await launchWithExtension();
  try {
    const benId = new URL((await serviceWorkerOf(second.context)).url()).host;
    const ben = await openOptions(second.context, benId);
    // Nothing connected yet: Settings starts at joining.
    await expect(ben.getByRole('heading', { level: 2, name: 'Join with an invitation' })).toBeVisible();
    await ben.getByLabel('Invitation or invite code').fill(invitation);
    await ben.getByRole('button', { name: 'Join' }).click();
    await expect(ben.getByText(`Sign in to join ${orgName}`, { exact: false })).toBeVisible();

    const email = `ben+${stamp}@harbor.example`;
    await ben.getByRole('button', { name: 'Email code' }).click();
    await ben.getByLabel('Email').fill(email);
    await ben.getByRole('button', { name: 'Send code' }).click();
    await expect(ben.getByRole('status').filter({ hasText: 'We sent a code' })).toHaveText(`We sent a code to ${email}.`);
    await ben.getByLabel('Code from the email').fill(await latestCode(email));
    await ben.getByRole('button', { name: 'Sign in with code' }).click();
    await expect(ben.getByRole('status').filter({ hasText: 'You joined' })).toHaveText(`You joined ${orgName}.`);

    // The stack says so too: Ben is a member of Ana's organization.
    const orgId = await orgIdNamed(orgName);
    const { data: members } = await adminClient().from('memberships').select('role, user_id').eq('org_id', orgId);
    expect(members).toHaveLength(2);
    expect(members!.map((m: { role: string }) => m.role).sort()).toEqual(['admin', 'member']);
  } finally {
    await second.close();
  }
});

test('an admin imports a HubSpot export: a check first, then the summary, and the contacts are known', async ({ context, extensionId }) => {
  const stamp = Date.now();
  const orgName = `Import Works ${stamp}`;
  const ana = await openNewTeam(context, extensionId, `ana+${stamp}@importworks.example`, orgName);
  await openSection(ana, 'Import');
  await ana.getByLabel('CSV file').setInputFiles('tests/fixtures/import/hubspot-contacts.csv');
  await expect(ana.getByText('Highcard recognised these columns.', { exact: false })).toBeVisible();
  await ana.getByRole('button', { name: 'Check the file' }).click();
  const check = ana.getByRole('region', { name: 'What the import will do' });
  await expect(check).toContainText('Companies: 4 new, 0 already known');
  await expect(ana.getByRole('table', { name: 'The first rows as Highcard reads them' })).toContainText('Dana Whitfield');

  // Nothing is stored by the check.
  const orgId = await orgIdNamed(orgName);
  const before = await adminClient().from('contacts').select('id').eq('org_id', orgId);
  expect(before.data).toEqual([]);

  await ana.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
  const done = ana.getByRole('region', { name: 'Imported' });
  await expect(done).toContainText('People: 4 new');
  await expect(done.getByRole('list', { name: 'Skipped rows' })).toHaveText('Line 6: account_name: is required');

  const { data: contacts } = await adminClient().from('contacts').select('email, full_name, title').eq('org_id', orgId).order('email');
  expect(contacts).toEqual([
    { email: 'dana@acme-robotics.example', full_name: 'Dana Whitfield', title: 'COO' },
    { email: 'lena@initech.example', full_name: 'Lena', title: null },
    { email: 'priya.raman@globex.example', full_name: 'Priya Raman', title: 'Head of Procurement' },
    { email: 'tom.berger@gmail.com', full_name: 'Tom Berger', title: 'Founder' },
  ]);
  const { data: entries } = await adminClient().from('interactions').select('id').eq('org_id', orgId);
  expect(entries).toEqual([]);
});
