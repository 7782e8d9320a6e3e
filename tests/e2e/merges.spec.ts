// One customer, one record end to end: Mia is filed from Gmail by her address; on her LinkedIn
// profile (unknown by URL) the sidebar asks whether she is the Mia Schmidt the team knows, the
// rep confirms, files the profile, and the LinkedIn sidebar then shows the Gmail entry.
import { adminClient } from './backend';
import { fixture } from './fixtures';
import { expect, test } from './extension';
import { openNewTeam } from './session';
import { GMAIL_THREAD_URL, serveGmail, sidebarOf } from './sites';

const GMAIL_TITLE = 'Acme Robotics — pilot rollout for the Hamburg warehouse';
const PROFILE_URL = 'https://www.linkedin.com/in/lena-brandt-7a3b21';

test('a rep confirms “Same person” on a LinkedIn profile and sees the team’s Gmail history there', async ({ context, extensionId }) => {
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, `Lumen ${Date.now()}`)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  // The profile fixture, as Mia's: the same person the thread knows by her address.
  await context.route('https://www.linkedin.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: fixture('linkedin/profile-classic.html').replaceAll('Lena Brandt', 'Mia Schmidt'),
        })
      : route.fulfill({ status: 404, body: '' }),
  );
  await context.route(/^https:\/\/[^/]*licdn\.com\//, (route) => route.fulfill({ status: 404, body: '' }));

  // 1. Gmail: file Mia's message.
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const mail = sidebarOf(gmail);
  const mias = mail.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
  await mias.getByRole('button', { name: 'Add to customer record' }).click();
  await mail.getByRole('dialog', { name: 'Add to customer record' }).getByRole('button', { name: 'File to customer record' }).click();
  await expect(mias.getByText('Filed', { exact: true })).toBeVisible();
  const admin = adminClient();
  const gmailEntry = async () =>
    (await admin.from('interactions').select('id, contact_id, account_id').eq('source_ref', 'msg-f:1849560000123456789')).data?.[0];
  await expect.poll(async () => Boolean(await gmailEntry())).toBe(true);
  const filed = (await gmailEntry())!;

  // 2. LinkedIn: the profile is unknown by URL, but the team knows a Mia Schmidt.
  const linkedin = await context.newPage();
  await linkedin.goto(`${PROFILE_URL}/`);
  const sidebar = sidebarOf(linkedin);
  const question = sidebar.getByRole('group', { name: /^Is this Mia Schmidt \(mia\.schmidt@acme-robotics\.example · Acme Robotics\)\?$/ });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Same person' }).click();
  await expect(sidebar.getByRole('status').filter({ hasText: 'What you file from this page goes on Mia Schmidt' })).toBeVisible();

  // 3. Filing the profile puts it on the contact the team knows, under her account.
  await sidebar.getByRole('button', { name: 'Add to customer record' }).first().click();
  const preview = sidebar.getByRole('dialog', { name: 'Add to customer record' });
  await expect(preview.getByRole('combobox', { name: /^Customer/ }).locator('option:checked')).toHaveText('Mia Schmidt (on record)');
  await expect(preview.getByRole('combobox', { name: /^Account/ }).locator('option:checked')).toHaveText('Acme Robotics (on record)');
  await preview.getByRole('button', { name: 'File to customer record' }).click();

  // 4. The LinkedIn sidebar now shows what the team knows from Gmail.
  await expect(question).toHaveCount(0);
  await sidebar.getByRole('button', { name: 'Details' }).click();
  await expect(sidebar.getByText(GMAIL_TITLE)).toBeVisible();

  const { data: profileRows } = await admin.from('interactions').select('contact_id, account_id').eq('kind', 'linkedin_profile');
  expect(profileRows).toEqual([{ contact_id: filed.contact_id, account_id: filed.account_id }]);
  const { data: mia } = await admin.from('contacts').select('full_name, email, linkedin_url').eq('id', filed.contact_id).single();
  expect(mia).toEqual({ full_name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example', linkedin_url: PROFILE_URL });
});
