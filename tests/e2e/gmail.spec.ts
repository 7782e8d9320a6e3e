// Filing from Gmail end to end, in the side panel beside it: the built extension in Chromium, Gmail pages served from
// tests/fixtures/gmail, the local stack behind it, and the rows that land checked directly.
import type { BrowserContext, Page } from '@playwright/test';
import { adminClient, orgIdNamed } from './backend';
import { fixture as readFixture, innerOfDiv } from './fixtures';
import { expect, test } from './extension';
import { saveProfile } from './people';
import { openNewTeam } from './session';
import { pictureBeside } from './pictures';
import { GMAIL_THREAD_URL, openPanel, serveGmail, thisPageIn } from './sites';

const THREAD_URL = GMAIL_THREAD_URL;
const HOSTILE_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWHpstlRBZwMFbWvVxmQ';
const fixture = (name: string) => readFixture(`gmail/${name}`);
const MAIN_PANE = /<div[^>]*role="main"[^>]*>/;

/** Signs in as a new admin of a new organization; returns the organization's name. */
async function signedIn(context: BrowserContext, extensionId: string, email: string): Promise<string> {
  const organization = `Lumen Logistics ${Date.now()}`;
  const options = await openNewTeam(context, extensionId, email, organization);
  // A name, as colleagues see it beside what Ana files (and as the pictures show it).
  await saveProfile(options, 'Ana Ruiz', 'Sales');
  await options.close();
  return organization;
}

/** README screenshots, refreshed only on request (HIGHCARD_SCREENSHOTS=1): the panel beside
 * the Gmail thread it reads. */
async function snap(context: BrowserContext, gmail: Page, panel: Page, name: string): Promise<void> {
  await pictureBeside(context, gmail, panel, `docs/screenshots/${name}.png`);
}

test('a rep sees the team context, files one trimmed message with a signal, and it shows as filed', async ({
  context,
  extensionId,
}) => {
  const email = `ana.ruiz+${Date.now()}@lumen-logistics.example`;
  const organization = await signedIn(context, extensionId, email);
  await serveGmail(context, () => fixture('thread-expanded-and-collapsed.html'));

  const gmail = await context.newPage();
  await gmail.goto(THREAD_URL);
  const panel = await openPanel(context, gmail);
  const sidebar = thisPageIn(panel);
  await expect(sidebar).toBeVisible();
  await expect(sidebar.getByRole('heading', { name: 'Acme Robotics — pilot rollout for the Hamburg warehouse' })).toBeVisible();
  await expect(sidebar.getByText('Nobody has filed anything about acme-robotics.example yet.')).toBeVisible();

  // The last message is Mia's, expanded; file only the pricing line, as an objection.
  const mias = sidebar.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
  await mias.getByRole('button', { name: 'Add to customer record' }).click();
  const preview = sidebar.getByRole('dialog', { name: 'Add to customer record' });
  await expect(preview.getByLabel('Title')).toHaveValue('Acme Robotics — pilot rollout for the Hamburg warehouse');
  await expect(preview.getByLabel('What the customer said')).toHaveValue(/^Hi Ana,\n\nthanks for the quick answers/);
  const kept =
    '2. Pricing: 38 robots at the volume tier you mentioned (€41 per robot per month) works for us if onboarding stays included.';
  await preview.getByLabel('What the customer said').fill(kept);
  await preview.getByRole('button', { name: 'Pricing' }).click();
  await expect(preview.getByRole('button', { name: 'Pricing' })).toHaveAttribute('aria-pressed', 'true');
  await expect(preview.getByRole('combobox', { name: /^Customer/ }).locator('option:checked')).toHaveText(
    'Mia Schmidt <mia.schmidt@acme-robotics.example>',
  );
  await snap(context, gmail, panel, 'gmail-preview');
  await preview.getByRole('button', { name: 'File to customer record' }).click();
  await expect(mias.getByText('Filed', { exact: true })).toBeVisible();

  const admin = adminClient();
  const { data: rows, error } = await admin
    .from('interactions')
    .select('kind, source_ref, source_url, title, body, signals, occurred_at, contact_id, account_id')
    .eq('source_ref', 'msg-f:1849560000123456789')
    .eq('org_id', await orgIdNamed(organization));
  expect(error).toBeNull();
  expect(rows).toHaveLength(1);
  const row = rows![0]!;
  expect(row).toMatchObject({
    kind: 'email',
    source_url: THREAD_URL,
    title: 'Acme Robotics — pilot rollout for the Hamburg warehouse',
    body: kept,
    signals: ['pricing'],
  });
  // Gmail showed "Fri, Nov 20, 2026, 9:41 AM" in Berlin.
  expect(new Date(row.occurred_at).toISOString()).toBe('2026-11-20T08:41:00.000Z');
  const { data: contact } = await admin.from('contacts').select('full_name, email').eq('id', row.contact_id).single();
  expect(contact).toEqual({ full_name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example' });
  const { data: domains } = await admin.from('account_domains').select('domain').eq('account_id', row.account_id);
  expect(domains).toEqual([{ domain: 'acme-robotics.example' }]);

  await gmail.reload();
  const again = sidebar.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
  await expect(again.getByText('Filed', { exact: true })).toBeVisible();
  await expect(again.getByRole('button', { name: 'Add to customer record' })).toHaveCount(0);
  // And the team's context now knows the account: one line with the newest entry under it,
  // the details on request.
  await expect(sidebar.getByText(/^Acme Robotics$/)).toBeVisible();
  await expect(sidebar.getByRole('article', { name: 'Latest entry: Acme Robotics — pilot rollout for the Hamburg warehouse' })).toBeVisible();
  // Filing scrolled the panel down to Mia's message: the picture shows it from its top.
  await panel.evaluate(() => window.scrollTo(0, 0));
  await snap(context, gmail, panel, 'gmail-panel');
  await sidebar.getByRole('button', { name: 'Details' }).click();
  await expect(sidebar.getByText('Account:')).toBeVisible();
});

test('markup and scripts in a customer’s email stay text and never run', async ({ context, extensionId }) => {
  await signedIn(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`);
  await serveGmail(context, () => fixture('thread-hostile-content.html'));
  const dialogs: string[] = [];
  const gmail = await context.newPage();
  gmail.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await gmail.goto(HOSTILE_URL);
  const panel = await openPanel(context, gmail);
  panel.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const sidebar = thisPageIn(panel);
  await expect(sidebar.getByRole('heading', { name: '<img src=x onerror=alert(1)> Invoice 4471 overdue' })).toBeVisible();
  const add = sidebar.getByRole('button', { name: 'Add to customer record' }).last();
  await add.click();
  await expect(sidebar.getByLabel('What the customer said')).toHaveValue(/<script>window.__pwned=1<\/script>/);
  // Nothing from the mail became an element inside the panel.
  const injected = await panel.evaluate(
    () => document.querySelectorAll('main img, main script, main iframe, main object, main [onerror], main a[href^="javascript:"]').length,
  );
  expect(injected).toBe(0);
  expect(dialogs).toEqual([]);
});

test('inbox → thread → inbox → thread: the panel follows Gmail’s own navigation, and the page gets nothing of Highcard', async ({
  context,
  extensionId,
}) => {
  await signedIn(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`);
  await serveGmail(context, () => fixture('inbox.html'));
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  const threadMain = innerOfDiv(fixture('thread-expanded-and-collapsed.html'), MAIN_PANE);
  const inboxMain = innerOfDiv(fixture('inbox.html'), MAIN_PANE);
  const panel = thisPageIn(await openPanel(context, gmail));
  const subject = panel.getByRole('heading', { name: 'Acme Robotics — pilot rollout for the Hamburg warehouse' });

  await expect(panel.getByText(/^Nothing to file on this page/)).toBeVisible();
  for (let round = 0; round < 2; round += 1) {
    // Gmail swaps its main pane and changes the hash; the page itself never reloads.
    await gmail.evaluate(
      ([html, hash]) => {
        document.querySelector('div[role="main"]')!.innerHTML = html;
        location.hash = hash;
      },
      [threadMain, '#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm'] as const,
    );
    await expect(subject).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Add to customer record' })).toHaveCount(4);
    await gmail.evaluate(
      ([html]) => {
        document.querySelector('div[role="main"]')!.innerHTML = html;
        location.hash = '#inbox';
      },
      [inboxMain] as const,
    );
    await expect(subject).toHaveCount(0);
    await expect(panel.getByText(/^Nothing to file on this page/)).toBeVisible();
    // Nothing of Highcard in Gmail's own page, ever.
    expect(await gmail.evaluate(() => document.documentElement.getAttribute('style') ?? document.body.getAttribute('style'))).toBeNull();
  }
});

test('the panel works from the keyboard: Enter opens the preview in its text, Esc closes it and focus returns', async ({
  context,
  extensionId,
}) => {
  await signedIn(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`);
  await serveGmail(context, () => fixture('thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(THREAD_URL);
  const panel = await openPanel(context, gmail);
  const sidebar = thisPageIn(panel);
  const add = sidebar.getByRole('button', { name: 'Add to customer record' }).last();
  await add.focus();
  await panel.keyboard.press('Enter');
  const preview = sidebar.getByRole('dialog', { name: 'Add to customer record' });
  await expect(preview.getByLabel('What the customer said')).toBeFocused();
  // Nothing is said to be wrong before the rep has typed anything.
  await expect(preview.getByText(/Not filed yet|too long|is empty/)).toHaveCount(0);
  await panel.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await expect(add).toBeFocused();
});

test('signed out, the panel says how to sign in and sends nothing', async ({ context }) => {
  await serveGmail(context, () => fixture('thread-expanded-and-collapsed.html'));
  const lookups: string[] = [];
  context.on('request', (request) => {
    if (request.url().includes('/rest/v1/')) lookups.push(request.url());
  });
  const gmail = await context.newPage();
  await gmail.goto(THREAD_URL);
  const sidebar = thisPageIn(await openPanel(context, gmail));
  await expect(sidebar.getByText('Sign in to see what your team knows.')).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'Add to customer record' })).toHaveCount(0);
  expect(lookups).toEqual([]);
});
