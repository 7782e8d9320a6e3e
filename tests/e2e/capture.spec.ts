// Capture anywhere end to end: a selection from any page filed in the side panel, and Outlook
// on the web's opt-in reading, against the local stack, the rows checked directly.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { adminClient, orgIdNamed } from './backend';
import { launchChromium } from './browser';
import { EXTENSION_DIR, expect, serviceWorkerOf, test } from './extension';
import { fixture } from './fixtures';
import { openNewTeam, openSection } from './session';
import { GMAIL_THREAD_URL, openPanel, serveGmail, thisPageIn } from './sites';

const SUPPORT_URL = 'https://support.acme-robotics.example/tickets/4471';
const SUPPORT_PAGE = `<!doctype html><html><head><title>Ticket 4471 — SSO for the pilot</title></head><body>
<header><nav>Acme Robotics support · <a href="/">All tickets</a></nav></header>
<main><h1>SSO for the pilot</h1>
<article>
  <p id="q1">We cannot roll out to the second warehouse without SSO.</p>
  <span aria-hidden="true">DUPLICATE FOR THE EYE</span>
  <p id="q2">If SAML is ready by March, we sign for 38 robots.</p>
  <p id="q3">Thanks, Mia</p>
</article></main></body></html>`;
const SELECTED = 'We cannot roll out to the second warehouse without SSO.\n\nIf SAML is ready by March, we sign for 38 robots.';

/** The extension APIs a page or the worker has, as far as these tests use them. */
interface Chrome {
  runtime: { sendMessage: (message: unknown) => Promise<unknown> };
  scripting: { getRegisteredContentScripts: () => Promise<unknown[]> };
}

const OUTLOOK_URL = 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hYjEyLTRmZWYtMDACLTAwCgAQAJ3kZ';

async function selectSupportQuote(page: Page): Promise<unknown> {
  await page.evaluate(() => {
    const range = document.createRange();
    range.setStart(document.querySelector('#q1')!.firstChild!, 0);
    range.setEnd(document.querySelector('#q2')!.firstChild!, 'If SAML is ready by March, we sign for 38 robots.'.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  // The context menu and Alt+Shift+F cannot be pressed by Playwright: run the very script the
  // background injects after them (entrypoints/selection) in the tab, and take what it returns.
  await page.addScriptTag({ content: `${readFileSync(join(EXTENSION_DIR, 'selection.js'), 'utf8')}\nwindow.__highcardSelection = selection;` });
  return page.evaluate(() => (window as unknown as { __highcardSelection: unknown }).__highcardSelection);
}

/** Hands a selection to the background as its menu handler does; the panel shows it. */
async function keepSelection(options: Page, selection: unknown): Promise<void> {
  await options.evaluate(
    (payload) => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'clip.open', payload: { selection: payload } }),
    selection,
  );
}

test('a selection from any page files one clip on the account and customer the rep chose, once', async ({ context, extensionId }) => {
  const email = `ana.ruiz+${Date.now()}@lumen-logistics.example`;
  const options = await openNewTeam(context, extensionId, email, `Lumen Logistics ${Date.now()}`);
  await context.route('https://support.acme-robotics.example/**', (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: SUPPORT_PAGE }),
  );
  const page = await context.newPage();
  await page.goto(SUPPORT_URL);
  const selection = await selectSupportQuote(page);
  expect(selection).toEqual({ text: SELECTED, title: 'Ticket 4471 — SSO for the pilot', url: SUPPORT_URL });

  await keepSelection(options, selection);
  const clip = await openPanel(context, page);
  await expect(clip.getByRole('heading', { name: 'File selection to customer record' })).toBeVisible();
  await expect(clip.getByLabel('Selected text')).toHaveValue(SELECTED);
  await expect(clip.getByLabel('Title')).toHaveValue('Ticket 4471 — SSO for the pilot');
  await expect(clip.getByText(/seen only by you/)).toContainText(SUPPORT_URL);
  await clip.getByRole('button', { name: 'New account' }).click();
  await clip.getByLabel('New account name').fill('Acme Robotics');
  await clip.getByRole('radio', { name: 'Someone new' }).check();
  await clip.getByLabel('Name', { exact: true }).fill('Mia Schmidt');
  await clip.getByLabel('Email or LinkedIn URL').fill('mia.schmidt@acme-robotics.example');
  await expect(clip.getByLabel('Domain (optional)')).toHaveValue('acme-robotics.example');
  await clip.getByRole('button', { name: 'Feature request' }).click();
  await clip.getByRole('button', { name: 'File to customer record' }).click();
  await expect(clip.getByText(/^Filed on Acme Robotics/)).toBeVisible();

  const sourceRef = createHash('sha256').update(`${SUPPORT_URL}\n${SELECTED}`).digest('hex');
  const admin = adminClient();
  const read = () =>
    admin.from('interactions').select('id, kind, source_url, title, body, signals, account_id, contact_id').eq('source_ref', sourceRef);
  await expect.poll(async () => (await read()).data?.length ?? 0).toBe(1);
  const row = (await read()).data![0]!;
  expect(row).toMatchObject({
    kind: 'clip',
    source_url: SUPPORT_URL,
    title: 'Ticket 4471 — SSO for the pilot',
    body: SELECTED,
    signals: ['feature_request'],
  });
  const { data: account } = await admin.from('accounts').select('name').eq('id', row.account_id).single();
  expect(account).toEqual({ name: 'Acme Robotics' });
  const { data: contact } = await admin.from('contacts').select('full_name, email').eq('id', row.contact_id).single();
  expect(contact).toEqual({ full_name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example' });

  // The same selection again, now on the account and contact on record: still one entry.
  await clip.getByRole('button', { name: 'Done' }).click();
  await keepSelection(options, await selectSupportQuote(page));
  const again = clip.getByRole('form', { name: 'File selection to customer record' });
  await expect(again.getByLabel('Selected text')).toHaveValue(SELECTED);
  // The page's own domain belongs to an account the team has now: it is suggested.
  await expect(again.getByRole('group', { name: 'Account' }).getByText('Acme Robotics', { exact: true })).toBeVisible();
  await again.getByRole('radio', { name: /Mia Schmidt/ }).check();
  await again.getByRole('button', { name: 'File to customer record' }).click();
  await expect(clip.getByText(/^Filed on Acme Robotics/)).toBeVisible();
  await expect.poll(async () => (await read()).data?.map((r) => r.id)).toEqual([row.id]);
});

test('in Gmail, Add selection files only the selected part of a message, with its customer', async ({ context, extensionId }) => {
  const email = `ana.ruiz+${Date.now()}@lumen-logistics.example`;
  const organization = `Lumen Logistics ${Date.now()}`;
  await (await openNewTeam(context, extensionId, email, organization)).close();
  const orgId = await orgIdNamed(organization);
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const sidebar = thisPageIn(await openPanel(context, gmail));
  await expect(sidebar.getByRole('button', { name: 'Add selection' })).toBeVisible();
  await gmail.evaluate(() => {
    const item = [...document.querySelectorAll('li')].find((li) => li.textContent?.startsWith('Pricing: 38 robots'))!;
    const range = document.createRange();
    range.selectNodeContents(item.firstChild!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await sidebar.getByRole('button', { name: 'Add selection' }).click();
  const preview = sidebar.getByRole('dialog', { name: 'Add to customer record' });
  const part = /Pricing: 38 robots at the volume tier you mentioned \(€41 per robot per month\) works for us if onboarding stays included\.$/;
  await expect(preview.getByLabel('What the customer said')).toHaveValue(part);
  await preview.getByRole('button', { name: 'File to customer record' }).click();
  await expect(sidebar.getByRole('dialog')).toHaveCount(0);

  const admin = adminClient();
  const read = () => admin
      .from('interactions')
      .select('kind, source_ref, body')
      .eq('org_id', orgId)
      .like('source_ref', 'msg-f:1849560000123456789#selection-%');
  await expect.poll(async () => (await read()).data?.length ?? 0).toBe(1);
  const row = (await read()).data![0]!;
  expect(row.kind).toBe('email');
  expect(row.body).toMatch(part);
  expect(row.body).not.toContain('Jonas will send');
});

/** The built extension as it is once the user has allowed Outlook on the web: Playwright
 * cannot answer the browser's permission prompt, so the copy's manifest grants the hosts. */
function extensionWithOutlookAllowed(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'highcard-outlook-allowed-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  manifest.host_permissions.push('https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

const outlookTest = test.extend<{ context: BrowserContext; extensionId: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's parameters.
  context: async ({}, use) => {
    const copy = extensionWithOutlookAllowed();
    const { context, close } = await launchChromium({ extension: true, dir: copy.dir });
    await use(context);
    await close();
    copy.remove();
  },
  extensionId: async ({ context }, use) => {
    await use(new URL((await serviceWorkerOf(context)).url()).host);
  },
});

async function switchOutlookOn(options: Page): Promise<void> {
  await openSection(options, 'Outlook on the web');
  const toggle = options.getByRole('checkbox', { name: 'Use Highcard in Outlook on the web' });
  await expect(toggle).toBeEnabled();
  // The box follows the background's answer, not the click: click, then wait for it.
  await toggle.click();
  await expect(options.getByText(/Highcard is on in Outlook on the web/)).toBeVisible();
  await expect(toggle).toBeChecked();
}

async function serveOutlook(context: BrowserContext, name: string): Promise<void> {
  await context.route('https://outlook.office.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture(`outlook/${name}`) })
      : route.fulfill({ status: 404, body: '' }),
  );
}

outlookTest('switched on in Settings, the panel files a message from the Outlook conversation beside it', async ({ context, extensionId }) => {
  const email = `ana.ruiz+${Date.now()}@lumen-logistics.example`;
  const organization = `Lumen Logistics ${Date.now()}`;
  const options = await openNewTeam(context, extensionId, email, organization);
  const orgId = await orgIdNamed(organization);
  await serveOutlook(context, 'conversation-light.html');

  // Not yet switched on: Highcard does not read Outlook at all. The worker says no script is
  // registered for it, so nothing can read the page however long it stays open; the panel
  // beside it, once it has answered, has nothing to file.
  const worker = await serviceWorkerOf(context);
  const registered = () => worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts());
  expect(await registered()).toEqual([]);
  const before = await context.newPage();
  await before.goto(OUTLOOK_URL, { waitUntil: 'load' });
  const unread = thisPageIn(await openPanel(context, before));
  await expect(unread.getByText(/^Nothing to file on this page/)).toBeVisible();
  await expect(unread.getByRole('heading', { name: 'Pilot pricing for Q1' })).toHaveCount(0);
  await before.close();

  await switchOutlookOn(options);
  expect(await registered()).toEqual([expect.objectContaining({ id: 'highcard-outlook' })]);
  const outlook = await context.newPage();
  await outlook.goto(OUTLOOK_URL);
  const sidebar = thisPageIn(await openPanel(context, outlook));
  await expect(sidebar.getByRole('heading', { name: 'Pilot pricing for Q1' })).toBeVisible();
  const jonas = sidebar.getByRole('listitem').filter({ hasText: 'Jonas Weber' });
  await jonas.getByRole('button', { name: 'Add to customer record' }).click();
  const preview = sidebar.getByRole('dialog', { name: 'Add to customer record' });
  await expect(preview.getByLabel('What the customer said')).toHaveValue(/^Ana,\n\n4,800 is above what we budgeted/);
  await preview.getByRole('button', { name: 'Competitor' }).click();
  await preview.getByRole('button', { name: 'File to customer record' }).click();
  await expect(jonas.getByText('Filed', { exact: true })).toBeVisible();

  const admin = adminClient();
  const { data: rows } = await admin
    .from('interactions')
    .select('kind, source_url, title, body, signals, occurred_at, contact_id')
    .eq('org_id', orgId)
    .eq('source_ref', 'outlook:AAMkADAwATM0MDAAMS1hYjEyAAA3=');
  expect(rows).toHaveLength(1);
  expect(rows![0]).toMatchObject({ kind: 'email', source_url: OUTLOOK_URL, title: 'Pilot pricing for Q1', signals: ['competitor'] });
  expect(rows![0]!.body).not.toContain('> ');
  // Outlook showed "Thu 11/19/2026 8:30 AM" in Berlin.
  expect(new Date(rows![0]!.occurred_at).toISOString()).toBe('2026-11-19T07:30:00.000Z');
  const { data: contact } = await admin.from('contacts').select('email').eq('id', rows![0]!.contact_id).single();
  expect(contact).toEqual({ email: 'jonas.weber@acme-robotics.example' });

  // Switched off: the script is gone (and the permission given back, where it is optional).
  await options.getByRole('checkbox', { name: 'Use Highcard in Outlook on the web' }).click();
  await expect(options.getByText(/Highcard is off in Outlook on the web/)).toBeVisible();
  expect(await registered()).toEqual([]);
});

outlookTest('a conversation whose layout changed says Highcard could not read it and keeps a failure record', async ({ context, extensionId }) => {
  const email = `ana.ruiz+${Date.now()}@lumen-logistics.example`;
  const options = await openNewTeam(context, extensionId, email, `Lumen Logistics ${Date.now()}`);
  await serveOutlook(context, 'conversation-broken.html');
  await switchOutlookOn(options);

  const outlook = await context.newPage();
  await outlook.goto(OUTLOOK_URL);
  const sidebar = thisPageIn(await openPanel(context, outlook));
  await expect(sidebar.getByText("Highcard couldn't read this page.")).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'File the selection' })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'Write a note' })).toBeVisible();
  await expect(sidebar.getByRole('button', { name: 'Add to customer record' })).toHaveCount(0);

  await openSection(options, 'Page reading');
  await expect(options.getByRole('list', { name: 'Pages Highcard could not read' })).toContainText(
    'Outlook on the web conversation · could not read MESSAGE',
  );
  await expect(options.getByRole('list', { name: 'Pages Highcard could not read' })).not.toContainText('Pilot pricing');
});
