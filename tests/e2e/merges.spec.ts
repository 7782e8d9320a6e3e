// One customer, one record end to end: Mia is filed from Gmail by her address; on her LinkedIn
// profile (unknown by URL) the sidebar asks whether she is the Mia Schmidt the team knows, the
// rep confirms, files the profile, and the LinkedIn sidebar then shows the Gmail entry.
import { adminClient, orgIdNamed } from './backend';
import { fixture } from './fixtures';
import { expect, test } from './extension';
import { allSent, message, openPopup } from './people';
import { openNewTeam } from './session';
import { GMAIL_THREAD_URL, serveGmail, thisPageBeside } from './sites';

const GMAIL_TITLE = 'Acme Robotics — pilot rollout for the Hamburg warehouse';
const PROFILE_URL = 'https://www.linkedin.com/in/lena-brandt-7a3b21';

test('a rep confirms “Same person” on a LinkedIn profile and sees the team’s Gmail history there', async ({ context, extensionId }) => {
  const organization = `Lumen ${Date.now()}`;
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, organization)).close();
  const orgId = await orgIdNamed(organization);
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
  const mail = await thisPageBeside(context, gmail);
  const mias = mail.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
  await mias.getByRole('button', { name: 'Add to customer record' }).click();
  await mail.getByRole('dialog', { name: 'Add to customer record' }).getByRole('button', { name: 'File to customer record' }).click();
  await expect(mias.getByText('Filed', { exact: true })).toBeVisible();
  const admin = adminClient();
  const gmailEntry = async () =>
    (
      await admin
        .from('interactions')
        .select('id, contact_id, account_id')
        .eq('org_id', orgId)
        .eq('source_ref', 'msg-f:1849560000123456789')
    ).data?.[0];
  await expect.poll(async () => Boolean(await gmailEntry())).toBe(true);
  const filed = (await gmailEntry())!;

  // 2. LinkedIn: the profile is unknown by URL, but the team knows a Mia Schmidt.
  const linkedin = await context.newPage();
  await linkedin.goto(`${PROFILE_URL}/`);
  const sidebar = await thisPageBeside(context, linkedin);
  const question = sidebar.getByRole('group', { name: /^Is this Mia Schmidt \(mia\.schmidt@acme-robotics\.example · Acme Robotics\)\?$/ });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Same person' }).click();
  await expect(sidebar.getByRole('status').filter({ hasText: 'What you file from this page goes on Mia Schmidt' })).toBeVisible();

  // 3. Filing the profile puts it on the contact the team knows, under her account.
  await sidebar.getByRole('button', { name: 'Add to customer record' }).first().click();
  const preview = sidebar.getByRole('dialog', { name: 'Add to customer record' });
  await expect(preview.getByRole('combobox', { name: /^Customer/ }).locator('option:checked')).toHaveText('Mia Schmidt (on record)');
  // The team's one Acme account is chosen, once, and named by its domain whichever answer
  // (the page's lookup or the same-name search) came first; never a new account.
  const account = preview.getByRole('combobox', { name: /^Account/ });
  await expect(account.locator('option:checked')).toHaveText('Acme Robotics (acme-robotics.example)');
  await expect(account.locator('option', { hasText: /^Acme Robotics \(/ })).toHaveCount(1);
  await preview.getByRole('button', { name: 'File to customer record' }).click();

  // 4. The panel beside LinkedIn now shows what the team knows from Gmail.
  await expect(question).toHaveCount(0);
  await sidebar.getByRole('button', { name: 'Details' }).click();
  await expect(sidebar.getByText(GMAIL_TITLE)).toBeVisible();

  const { data: profileRows } = await admin
    .from('interactions')
    .select('contact_id, account_id')
    .eq('org_id', orgId)
    .eq('kind', 'linkedin_profile');
  expect(profileRows).toEqual([{ contact_id: filed.contact_id, account_id: filed.account_id }]);
  const { data: mia } = await admin.from('contacts').select('full_name, email, linkedin_url').eq('id', filed.contact_id).single();
  expect(mia).toEqual({ full_name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example', linkedin_url: PROFILE_URL });
});

test('any member merges two records of one person, and another account, from the popup', async ({ context, extensionId }) => {
  const options = await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, `Lumen ${Date.now()}`);
  const { activeOrgId: orgId } = await message<{ activeOrgId: string }>(options, 'session.get', {});
  const capture = (title: string, contact: Record<string, string>, account: Record<string, string>) => ({
    id: crypto.randomUUID(),
    org_id: orgId,
    kind: 'note',
    occurred_at: new Date(Date.now() - 60_000).toISOString(),
    title,
    body: '',
    signals: [],
    contact,
    account,
  });
  const stamp = Date.now();
  await message(options, 'capture.file', {
    capture: capture('By mail', { full_name: 'Mia Schmidt', email: `mia.${stamp}@acme-robotics.example` }, { name: 'Acme Robotics', domain: 'acme-robotics.example' }),
  });
  await message(options, 'capture.file', {
    capture: capture('On LinkedIn', { full_name: 'Mia Schmidt', linkedin_url: `https://www.linkedin.com/in/mia-${stamp}` }, { name: 'Acme Robotics' }),
  });
  await message(options, 'capture.file', {
    capture: capture('Under the other name', { full_name: 'Rob Stone', linkedin_url: `https://www.linkedin.com/in/rob-${stamp}` }, { name: 'Acme Robotics GmbH' }),
  });
  await allSent(options);

  const popup = await openPopup(context, extensionId);
  const search = popup.getByRole('combobox', { name: 'Find an account' });
  await search.fill('acme robotics');
  await popup.getByRole('option', { name: /^Acme Robotics(?! GmbH)/ }).click();
  await expect(popup.getByRole('heading', { name: 'Acme Robotics', exact: true })).toBeVisible();

  // Two records of one person, flagged; the LinkedIn one is merged into the one with the address.
  // People and merging fold below the timeline: open them first.
  await popup.getByText('People and merging', { exact: true }).click();
  const people = popup.getByRole('region', { name: 'People' });
  await expect(people.getByText('Possibly the same person as Mia Schmidt')).toHaveCount(2);
  const byProfile = people.getByRole('listitem').filter({ hasText: 'No email' });
  await byProfile.getByRole('button', { name: 'Merge Mia Schmidt into…' }).click();
  await people.getByRole('button', { name: 'Continue' }).click();
  const dialog = popup.getByRole('dialog', { name: /^Keep Mia Schmidt \(.+\) and merge Mia Schmidt \(LinkedIn\) into it\?$/ });
  await expect(dialog.getByRole('list', { name: 'What will move' })).toContainText(`https://www.linkedin.com/in/mia-${stamp}`);
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(people.getByRole('listitem')).toHaveCount(1);
  await expect(popup.getByRole('note').filter({ hasText: /merged Mia Schmidt \(LinkedIn\) into Mia Schmidt/ })).toBeVisible();
  await expect(popup.getByRole('article', { name: 'On LinkedIn' })).toBeVisible();

  // The company filed under a second name joins this account.
  await popup.getByRole('button', { name: 'Merge with another account…' }).click();
  await popup.getByRole('searchbox', { name: /Merge into Acme Robotics/ }).fill('Acme Robotics GmbH');
  await popup.getByRole('button', { name: 'Find' }).click();
  await popup.getByRole('list', { name: 'Accounts found' }).getByRole('button', { name: /Acme Robotics GmbH/ }).click();
  // Sized by entries: two filed on Acme Robotics, one on the GmbH (which has no domain).
  await popup
    .getByRole('dialog', { name: 'Keep Acme Robotics (acme-robotics.example · 2 entries) and merge Acme Robotics GmbH (1 entry) into it?' })
    .getByRole('button', { name: 'Merge' })
    .click();
  await expect(popup.getByRole('note').filter({ hasText: /merged Acme Robotics GmbH into Acme Robotics/ })).toBeVisible();
  await expect(popup.getByRole('article', { name: 'Under the other name' })).toBeVisible();
  await expect(people.getByRole('listitem')).toHaveCount(2);

  const admin = adminClient();
  const { data: entries } = await admin.from('interactions').select('title, contact_id, account_id').eq('org_id', orgId).order('title');
  const accounts = new Set(entries!.map((e) => e.account_id));
  expect(accounts.size).toBe(1);
  const mias = entries!.filter((e) => e.title !== 'Under the other name').map((e) => e.contact_id);
  expect(new Set(mias).size).toBe(1);
});
