// Two colleagues, two browsers, one shared record: through the built extension's options page
// and popup, against the local stack.
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, launchWithExtension, serviceWorkerOf, test } from './extension';
import { connectToTestStack, openNewTeam, openOptions, openSection, signInWithCode } from './session';
import { openPanel, thisPageIn } from './sites';

const SCREENSHOTS = 'docs/screenshots';
/** The README's screenshots are refreshed on request (HIGHCARD_SCREENSHOTS=1), so an
 * ordinary test run leaves the tree as it found it. */
const takeScreenshots = Boolean(process.env.HIGHCARD_SCREENSHOTS);
async function snap(target: { screenshot(options: { path: string }): Promise<unknown> }, name: string): Promise<void> {
  if (takeScreenshots) await target.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';
const MIA = { full_name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example' };
const ACME = { name: 'Acme Robotics', domain: 'acme-robotics.example' };

interface Runtime {
  sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }>;
}

/** Sends a message to the background from an extension page, as the popup would. */
async function message<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const result = await page.evaluate(
    ([type, payload]) =>
      (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  );
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.data as T;
}

function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString().replace('Z', '+00:00');
}

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return popup;
}

async function openAcme(popup: Page): Promise<void> {
  const search = popup.getByRole('combobox', { name: 'Find an account' });
  await search.fill('acme');
  await expect(popup.getByRole('option', { name: /Acme Robotics/ })).toBeVisible();
  await search.press('ArrowDown');
  await expect(popup.getByRole('option', { name: /Acme Robotics/ })).toHaveAttribute('aria-selected', 'true');
  await search.press('Enter');
  await expect(popup.getByRole('heading', { name: 'Acme Robotics' })).toBeVisible();
}

async function saveProfile(options: Page, displayName: string, department: string): Promise<void> {
  await openSection(options, 'Organization');
  await options.getByLabel('Display name').fill(displayName);
  await options.getByLabel('Department').fill(department);
  await options.getByRole('button', { name: 'Save profile' }).click();
  await expect(options.getByRole('status')).toHaveText('Profile saved.');
}

test('two colleagues share one timeline; an edit shows its history and a retraction leaves it', async ({
  context,
  extensionId,
}) => {
  const stamp = Date.now();
  const orgName = `Lumen Logistics ${stamp}`;

  // Ana creates the organization and invites Ben.
  const ana = await openNewTeam(context, extensionId, `ana+${stamp}@lumen-logistics.example`, orgName);
  await saveProfile(ana, 'Ana Ruiz', 'Sales');
  // The invite's role is "member" unless chosen otherwise.
  await openSection(ana, 'People');
  await ana.getByRole('button', { name: 'Create invitation' }).click();
  const code = (await ana.getByLabel('Invite code', { exact: true }).textContent())!.trim();
  // Short enough to read aloud: ten characters in groups, no look-alike letters.
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/);

  const second = await launchWithExtension();
  try {
    const benContext = second.context;
    const benExtensionId = new URL((await serviceWorkerOf(benContext)).url()).host;
    const ben = await openOptions(benContext, benExtensionId);
    await connectToTestStack(ben);
    await signInWithCode(ben, `ben+${stamp}@lumen-logistics.example`);
    await openSection(ben, 'Organization');
    // Typed as heard: lower case, spaces instead of dashes.
    await ben.getByLabel('Invite code', { exact: true }).fill(code.toLowerCase().replace(/-/g, ' '));
    await ben.getByRole('button', { name: 'Join organization' }).click();
    await expect(ben.getByRole('radio', { name: new RegExp(orgName) })).toBeChecked();
    await saveProfile(ben, 'Ben Okafor', 'Support');

    // Ana files 21 entries about Acme, through the background's own 'capture.file'.
    const session = await message<{ activeOrgId: string }>(ana, 'session.get', {});
    const base = { org_id: session.activeOrgId, kind: 'email', contact: MIA, account: ACME };
    await message(ana, 'capture.file', {
      capture: {
        ...base,
        id: crypto.randomUUID(),
        source_ref: `msg-e2e-${stamp}-main`,
        source_url: THREAD_URL,
        occurred_at: hoursAgo(1),
        title: 'Pricing question from Mia',
        body: `Mia asked whether the volume tier (€41 per robot per month) includes onboarding. ${'They plan 38 robots for the Hamburg warehouse. '.repeat(6)}`,
        signals: ['pricing', 'buying_signal'],
      },
    });
    for (let i = 1; i <= 20; i++) {
      await message(ana, 'capture.file', {
        capture: {
          ...base,
          id: crypto.randomUUID(),
          source_ref: `msg-e2e-${stamp}-${i}`,
          occurred_at: hoursAgo(24 + i),
          title: `Earlier message ${i}`,
          body: `Follow-up number ${i}.`,
          signals: i % 7 === 0 ? ['feature_request'] : [],
        },
      });
    }
    await expect
      .poll(async () => (await message<Array<{ status: string }>>(ana, 'outbox.list', {})).filter((i) => i.status !== 'sent').length, {
        timeout: 30_000,
      })
      .toBe(0);

    // Ben finds Acme from the popup, by keyboard, and reads Ana's entries.
    const popup = await openPopup(benContext, benExtensionId);
    await openAcme(popup);
    await expect(popup.getByText('1 person known')).toBeVisible();
    // The 90-day bars fold under Signals, below the timeline.
    await popup.locator('summary', { hasText: /^Signals$/ }).click();
    const bars = popup.getByRole('figure', { name: 'Signals in the last 90 days' });
    await expect(bars.getByRole('listitem').filter({ hasText: 'Pricing' })).toContainText('1 entry');
    await expect(bars.getByRole('listitem').filter({ hasText: 'Feature request' })).toContainText('2 entries');
    const main = popup.getByRole('article', { name: 'Pricing question from Mia' });
    await expect(main).toContainText('Filed by Ana Ruiz (Sales)');
    await expect(main).toContainText('Mia Schmidt');
    // The link to the source opens the author's own mailbox: Ben is not shown it.
    await expect(main.getByRole('link', { name: 'Open the source' })).toHaveCount(0);
    await main.getByRole('button', { name: 'Show all' }).click();
    await expect(main.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');

    // Twenty per page: the oldest entry comes with "Load more" (keyset on occurred_at, id).
    const entries = popup.getByRole('list', { name: 'Entries, newest first' }).getByRole('article');
    await expect(entries).toHaveCount(20);
    await expect(popup.getByRole('article', { name: 'Earlier message 20' })).toHaveCount(0);
    await popup.getByRole('button', { name: 'Load more' }).click();
    await expect(popup.getByRole('article', { name: 'Earlier message 20' })).toBeVisible();
    await expect(entries).toHaveCount(21);
    await expect(popup.getByRole('button', { name: 'Load more' })).toHaveCount(0);

    // Filters narrow the same timeline on the server.
    await popup.getByRole('combobox', { name: 'Signal', exact: true }).selectOption('feature_request');
    await expect(entries).toHaveCount(2);
    await popup.getByRole('button', { name: 'Clear filters' }).click();
    await expect(entries).toHaveCount(20);

    // Ana sees her own link to the source.
    const anaPopup = await openPopup(context, extensionId);
    await openAcme(anaPopup);
    await expect(
      anaPopup.getByRole('article', { name: 'Pricing question from Mia' }).getByRole('link', { name: 'Open the source' }),
    ).toHaveAttribute('href', THREAD_URL);
    await anaPopup.close();

    // Ana edits her entry; Ben sees that it was edited, and the earlier text.
    await ana.reload();
    await openSection(ana, 'What I have shared');
    const mine = ana.getByRole('region', { name: 'What I have shared' });
    await mine.getByLabel('Search my entries').fill('pricing');
    await expect(mine.getByRole('article')).toHaveCount(1);
    await mine.getByRole('button', { name: 'Edit “Pricing question from Mia”' }).click();
    await mine.getByLabel('Title').fill('Pricing question from Mia (volume tier)');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await expect(mine.getByText('Saved. The earlier text is kept in the entry’s history.')).toBeVisible();
    await expect(mine.getByRole('article', { name: 'Pricing question from Mia (volume tier)' })).toBeVisible();

    await popup.reload();
    await openAcme(popup);
    const edited = popup.getByRole('article', { name: 'Pricing question from Mia (volume tier)' });
    await edited.getByRole('button', { name: 'Edited — see the earlier version' }).click();
    await expect(edited.getByRole('list', { name: 'Earlier versions' })).toContainText('Pricing question from Mia');

    // Ana makes Ben a manager; the server refuses to leave the organization without an admin.
    await openSection(ana, 'People');
    await ana.getByLabel('Role of Ben Okafor').selectOption('manager');
    await expect(ana.getByText('Ben Okafor is now manager.')).toBeVisible();
    await ana.getByLabel('Role of Ana Ruiz').selectOption('member');
    await expect(ana.getByRole('alert')).toHaveText('An organization needs at least one admin.');
    await expect(ana.getByLabel('Role of Ana Ruiz')).toHaveValue('admin');

    // Ana retracts the entry: it leaves Ben's timeline and stays, marked, in her list.
    await openSection(ana, 'What I have shared');
    await mine.getByRole('button', { name: 'Retract “Pricing question from Mia (volume tier)”' }).click();
    const confirm = ana.getByRole('alertdialog', { name: 'Retract this entry?' });
    await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Retract' }).click();
    await expect(mine.getByText('Retracted. Your colleagues no longer see it.')).toBeVisible();
    await expect(mine.getByRole('article', { name: 'Pricing question from Mia (volume tier)' })).toContainText('Retracted');
    await ana.setViewportSize({ width: 1100, height: 900 });
    await openSection(ana, 'People');
    await snap(ana.getByRole('region', { name: 'People' }), 'options-organization');
    await openSection(ana, 'What I have shared');
    await mine.getByLabel('Search my entries').fill('pricing');
    await snap(mine, 'options-shared');

    await popup.reload();
    await openAcme(popup);
    await expect(entries).toHaveCount(20);
    await expect(popup.getByRole('article', { name: /Pricing question/ })).toHaveCount(0);
    await expect(bars.getByRole('listitem').filter({ hasText: 'Pricing' })).toHaveCount(0);
  } finally {
    await second.close();
  }
});

test('the panel beside a Gmail thread opens its account, without the tabs permission', async ({
  context,
  extensionId,
}) => {
  const stamp = Date.now();
  const options = await openNewTeam(context, extensionId, `ana+${stamp}@lumen-logistics.example`, `Lumen Logistics ${stamp}`);
  const session = await message<{ activeOrgId: string }>(options, 'session.get', {});
  await message(options, 'capture.file', {
    capture: {
      id: crypto.randomUUID(),
      org_id: session.activeOrgId,
      kind: 'email',
      source_ref: `msg-e2e-${stamp}`,
      occurred_at: hoursAgo(2),
      title: 'Asked for a pilot',
      body: '',
      signals: ['buying_signal'],
      contact: MIA,
      account: ACME,
    },
  });
  await expect
    .poll(async () => (await message<Array<{ status: string }>>(options, 'outbox.list', {}))[0]?.status, { timeout: 20_000 })
    .toBe('sent');

  await context.route('https://mail.google.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: readFileSync('tests/fixtures/gmail/thread-expanded-and-collapsed.html', 'utf8'),
        })
      : route.fulfill({ status: 404, body: '' }),
  );
  const gmail = await context.newPage();
  await gmail.goto(THREAD_URL);
  const popup = await openPanel(context, gmail);
  const thisPage = thisPageIn(popup);
  await thisPage.getByRole('button', { name: 'Details' }).click();
  await expect(thisPage.getByText('Asked for a pilot')).toBeVisible();
  await expect(popup.getByRole('heading', { name: 'Acme Robotics', exact: true })).toBeVisible();
  await expect(popup.getByRole('article', { name: 'Asked for a pilot' })).toBeVisible();
});

test('the panel tells a signed-out user what to do next', async ({ context, extensionId }) => {
  const popup = await openPopup(context, extensionId);
  await expect(popup.getByText('You are not signed in.', { exact: false })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
