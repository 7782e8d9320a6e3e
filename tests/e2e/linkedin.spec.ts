// Filing from LinkedIn end to end, in the side panel beside it: LinkedIn's single-page app simulated over fixture pages
// (the outlet swapped and the URL pushed, as LinkedIn does), the local stack behind it.
import type { Page } from '@playwright/test';
import { adminClient, orgIdNamed } from './backend';
import { expect, test } from './extension';
import { openNewTeam } from './session';
import { LINKEDIN, navigateInApp, openPanel, serveLinkedIn, thisPageIn } from './sites';

const { feed: FEED, profile: PROFILE, thread: THREAD } = LINKEDIN;

/** Elements in LinkedIn's page that are not LinkedIn's: a shadow host, a style on html or body. */
const foreign = (page: Page) =>
  page.evaluate(
    () =>
      Array.from(document.querySelectorAll('*')).filter((element) => element.shadowRoot).length +
      (document.documentElement.hasAttribute('style') ? 1 : 0) +
      (document.body.hasAttribute('style') ? 1 : 0),
  );

test('a rep looks a person up, files the profile and a message, and the person is then known', async ({
  context,
  extensionId,
}) => {
  const organization = `Highcard Sales ${Date.now()}`;
  await (await openNewTeam(context, extensionId, `dana+${Date.now()}@highcard.example`, organization)).close();
  const orgId = await orgIdNamed(organization);
  await serveLinkedIn(context);

  const linkedin = await context.newPage();
  await linkedin.goto(`https://www.linkedin.com${FEED}`);
  await expect(linkedin.getByRole('main', { name: 'Main Feed' })).toBeVisible();
  const panel = await openPanel(context, linkedin);
  const sidebar = thisPageIn(panel);
  await expect(sidebar.getByText(/^Nothing to file on this page/)).toBeVisible();
  expect(await foreign(linkedin)).toBe(0);

  // Feed → profile, inside the app.
  await navigateInApp(linkedin, PROFILE);
  await expect(sidebar.getByRole('heading', { name: 'Lena Brandt', exact: true })).toBeVisible();
  await expect(sidebar.getByRole('heading', { name: 'Known to your team?' })).toBeVisible();
  await expect(sidebar.getByText('Nobody has filed anything about Lena Brandt yet.')).toBeVisible();
  expect(await foreign(linkedin)).toBe(0);

  await sidebar.getByRole('button', { name: 'Add to customer record' }).click();
  const preview = sidebar.getByRole('dialog', { name: 'Add to customer record' });
  await expect(preview.getByLabel('Title')).toHaveValue('Lena Brandt — LinkedIn profile');
  const profileBody = await preview.getByLabel('What the customer said').inputValue();
  await expect(preview.getByRole('combobox', { name: /^Account/ }).locator('option:checked')).toHaveText('New account: Acme Robotics');
  // Everything that is sent is shown: what updates the contact, and the link only the rep sees.
  await expect(preview.getByText(/^Title: .+ · Company: Acme Robotics$/)).toBeVisible();
  await expect(preview.getByText('https://www.linkedin.com/in/lena-brandt-7a3b21', { exact: true })).toBeVisible();
  await expect(preview.getByText('Only you see this link.')).toBeVisible();
  await preview.getByRole('button', { name: 'File to customer record' }).click();
  await expect(sidebar.getByText('Filed', { exact: true })).toBeVisible();

  const admin = adminClient();
  const { data: profileRows } = await admin
    .from('interactions')
    .select('kind, source_ref, body, contact_id, account_id')
    .eq('org_id', orgId)
    .eq('kind', 'linkedin_profile')
    .like('source_ref', 'https://www.linkedin.com/in/lena-brandt-7a3b21|%');
  expect(profileRows).toHaveLength(1);
  expect(profileRows![0]!.body).toBe(profileBody);
  const { data: lena } = await admin.from('contacts').select('full_name, linkedin_url, company, title').eq('id', profileRows![0]!.contact_id).single();
  expect(lena).toMatchObject({ full_name: 'Lena Brandt', linkedin_url: 'https://www.linkedin.com/in/lena-brandt-7a3b21', company: 'Acme Robotics' });
  const { data: account } = await admin.from('accounts').select('name').eq('id', profileRows![0]!.account_id).single();
  expect(account).toEqual({ name: 'Acme Robotics' });

  // Profile → messaging thread; file Tomás's question about training as a pricing signal.
  await navigateInApp(linkedin, THREAD);
  await expect(sidebar.getByRole('heading', { name: 'Acme Robotics pilot' })).toBeVisible();
  expect(await foreign(linkedin)).toBe(0);
  const question = sidebar.getByRole('listitem').filter({ hasText: 'does the price include on-site training?' });
  await question.getByRole('button', { name: 'Add to customer record' }).click();
  await expect(preview.getByLabel('What the customer said')).toHaveValue('One question: does the price include on-site training?');
  await expect(preview.getByRole('combobox', { name: /^Customer/ }).locator('option:checked')).toHaveText('Tomás Reyes');
  await preview.getByRole('button', { name: 'Pricing' }).click();
  await preview.getByRole('button', { name: 'File to customer record' }).click();
  await expect(question.getByText('Filed', { exact: true })).toBeVisible();

  const { data: messageRows } = await admin
    .from('interactions')
    .select('kind, source_ref, body, signals, title')
    .eq('org_id', orgId)
    .eq('kind', 'linkedin_message');
  expect(messageRows).toEqual([
    {
      kind: 'linkedin_message',
      source_ref: 'urn:li:msg_message:(urn:li:fsd_profile:ACoAAD4n4WhItF1eLd0V1eW3rQ,2-MTczMjQ2MjI2MDAwMGIxMjM1MQ==)',
      body: 'One question: does the price include on-site training?',
      signals: ['pricing'],
      title: 'LinkedIn message from Tomás Reyes',
    },
  ]);

  // Back to the profile: the team knows Lena now, and the profile shows as filed.
  await navigateInApp(linkedin, PROFILE);
  await expect(sidebar.getByRole('heading', { name: 'Lena Brandt', exact: true })).toBeVisible();
  await sidebar.getByRole('button', { name: 'Details' }).click();
  await expect(sidebar.getByText('Account:')).toBeVisible();
  await expect(sidebar.getByText('Lena Brandt — LinkedIn profile')).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'Add to customer record' })).toHaveCount(0);
  expect(await foreign(linkedin)).toBe(0);

  // A note: the account is now the team's, and the note is confirmed like a message.
  await sidebar.getByRole('button', { name: 'Write a note' }).click();
  await expect(preview.getByRole('combobox', { name: /^Account/ }).locator('option:checked')).toHaveText('Acme Robotics (on record)');
  await preview.getByLabel('What they told you, in your words').fill('Moving the pilot to March.');
  await preview.getByRole('button', { name: 'File to customer record' }).click();
  const note = sidebar.getByRole('listitem').filter({ hasText: 'A note about this person' });
  await expect(note.getByText('Filed', { exact: true })).toBeVisible();
  await expect(note.getByRole('button', { name: 'Write a note' })).toBeVisible();

  // And nothing to file once the app leaves for the feed.
  await navigateInApp(linkedin, FEED);
  await expect(sidebar.getByText(/^Nothing to file on this page/)).toBeVisible();
  expect(await foreign(linkedin)).toBe(0);
});
