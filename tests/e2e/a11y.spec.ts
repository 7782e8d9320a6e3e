// Accessibility of Highcard's own pages, checked with axe against WCAG 2.1 A and AA: no
// serious or critical violation in Settings (signed out and signed in), Insights (with data)
// and the side panel beside a Gmail thread (new, and with the team's newest entry, twenty
// colleagues to ask and items nobody could be named for), in the light and the dark colour scheme.
import AxeBuilder from '@axe-core/playwright';
import { createClient } from '@supabase/supabase-js';
import type { Page, TestInfo } from '@playwright/test';
import WebSocket from 'ws';
import { stackInfo } from './backend';
import { keepFromEarlierVersion, legacyItem } from './earlier';
import { expect, test } from './extension';
import { allSent } from './people';
import { openNewTeam, openOptions } from './session';
import { GMAIL_THREAD_URL, highcardIn, openPanel, serveGmail, thisPageIn } from './sites';
import { fixture } from './fixtures';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCHEMES = ['light', 'dark'] as const;

/** Each serious or critical violation as "rule: selector, selector", for a readable failure. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Checks the page in both schemes, and keeps a screenshot of each for whoever reads the run. */
async function expectAccessibleInBothSchemes(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
    await page.screenshot({ path: testInfo.outputPath(`${name}-${scheme}.png`) });
    expect(await seriousViolations(page), `${name}, ${scheme}`).toEqual([]);
  }
}

interface Runtime {
  sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }>;
}

/** Sends a message to the background from an extension page, as the extension's pages do. */
async function message<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const result = await page.evaluate(
    ([type, payload]) => (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  );
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.data as T;
}

// Each test signs in, makes data and runs axe four times: on two shared cores under load that
// takes more than the default minute.
test.describe.configure({ timeout: 180_000 });

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('Settings has no serious accessibility violation, signed out or signed in, light or dark', async ({ context, extensionId }, testInfo) => {
  const signedOut = await openOptions(context, extensionId);
  await signedOut.setViewportSize({ width: 1280, height: 800 });
  await expectAccessibleInBothSchemes(signedOut, 'settings-signed-out', testInfo);

  const stamp = Date.now();
  const options = await openNewTeam(context, extensionId, `alma+${stamp}@a11y.example`, `A11y Co ${stamp}`);
  await options.setViewportSize({ width: 1280, height: 800 });
  await expectAccessibleInBothSchemes(options, 'settings-signed-in', testInfo);
});

test('Insights with data has no serious accessibility violation, as charts or as tables, light or dark', async ({ context, extensionId }, testInfo) => {
  const stamp = Date.now();
  const options = await openNewTeam(context, extensionId, `ines+${stamp}@a11y.example`, `A11y Insights ${stamp}`);
  const { activeOrgId } = await message<{ activeOrgId: string }>(options, 'session.get', {});
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().replace('Z', '+00:00');
  const filings: Array<[number, string, string[]]> = [
    [0, 'Acme', ['pricing', 'buying_signal']],
    [8, 'Acme', ['pricing']],
    [9, 'Globex', ['objection', 'pricing']],
    [30, 'Globex', ['praise']],
    [60, 'Initech', ['feature_request']],
    [100, 'Acme', ['pricing', 'competitor']],
  ];
  for (const [n, [days, company, signals]] of filings.entries()) {
    await message(options, 'capture.file', {
      capture: {
        id: crypto.randomUUID(),
        org_id: activeOrgId,
        kind: 'email',
        source_ref: `msg-a11y-${stamp}-${n}`,
        occurred_at: daysAgo(days),
        title: `${company}: ${signals.join(' and ')}`,
        body: 'What the customer said.',
        signals,
        contact: { full_name: `Buyer at ${company}`, email: `buyer@${company.toLowerCase()}-${stamp}.example` },
        account: { name: `${company} ${stamp}`, domain: `${company.toLowerCase()}-${stamp}.example` },
      },
    });
  }
  await expect
    .poll(async () => (await message<Array<{ status: string }>>(options, 'outbox.list', {})).filter((item) => item.status !== 'sent').length, {
      timeout: 30_000,
    })
    .toBe(0);

  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`chrome-extension://${extensionId}/insights.html`);
  await expect(page.getByRole('slider', { name: 'Pricing, entries per week' })).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'insights-charts', testInfo);

  await page.getByRole('switch', { name: 'Show as table' }).check();
  await expect(page.getByRole('table', { name: /^Pricing/ })).toBeVisible();
  await page.getByRole('table', { name: /^Pricing/ }).getByRole('button').first().click();
  await expect(page.getByRole('list', { name: /^Entries: Pricing in the week of/ }).getByRole('article').first()).toBeVisible();
  await expectAccessibleInBothSchemes(page, 'insights-tables', testInfo);
});

test('the side panel beside a Gmail thread has no serious accessibility violation, light or dark', async ({ context, extensionId }, testInfo) => {
  const stamp = Date.now();
  await (await openNewTeam(context, extensionId, `sami+${stamp}@a11y.example`, `A11y Panel ${stamp}`)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);

  const panel = await context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  await panel.goto(`chrome-extension://${extensionId}/options.html`);
  const tabId = await panel.evaluate(async () => {
    const tabs = (globalThis as unknown as { chrome: { tabs: { query(q: { url: string }): Promise<Array<{ id?: number }>> } } }).chrome.tabs;
    return (await tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id;
  });
  expect(tabId).toBeDefined();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tab=${tabId}`);
  const main = panel.getByRole('main', { name: 'Highcard' });
  await expect(main.getByRole('region', { name: 'This page' }).getByRole('button', { name: 'Add to customer record' }).first()).toBeVisible();
  await expectAccessibleInBothSchemes(panel, 'sidepanel', testInfo);

  await main.getByRole('button', { name: 'Add to customer record' }).last().click();
  await expect(main.getByRole('button', { name: 'File to customer record' })).toBeVisible();
  await expectAccessibleInBothSchemes(panel, 'sidepanel-preview', testInfo);
});

test('the side panel with the newest entry, twenty colleagues to ask and items nobody could be named for has no serious accessibility violation, light or dark', async ({
  context,
  extensionId,
}, testInfo) => {
  const stamp = Date.now();
  const options = await openNewTeam(context, extensionId, `rosa+${stamp}@a11y.example`, `A11y Team ${stamp}`);
  const { activeOrgId } = await message<{ activeOrgId: string }>(options, 'session.get', {});
  const mia = { full_name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example' };
  const account = { name: 'Acme Robotics', domain: 'acme-robotics.example' };
  // Twenty colleagues with long names file about Mia through the API, the newest last: the
  // lookup names twenty, and "Ask" says there may be more.
  const { apiUrl, anonKey } = stackInfo();
  for (let n = 20; n >= 1; n -= 1) {
    const { code } = await message<{ code: string }>(options, 'org.invite', { orgId: activeOrgId, role: 'member' });
    const colleague = createClient(apiUrl, anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
    const signUp = await colleague.auth.signUp({ email: `colleague${n}+${stamp}@a11y.example`, password: `colleague-${stamp}-password` });
    expect(signUp.error).toBeNull();
    expect((await colleague.rpc('join_organization', { code })).error).toBeNull();
    await colleague
      .from('memberships')
      .update({ display_name: `Maximiliane Oberhauser-Wittgenstein ${n}`, department: 'Customer Success' })
      .eq('org_id', activeOrgId)
      .eq('user_id', signUp.data.user!.id);
    const filed = await colleague.rpc('file_interaction', {
      capture: {
        id: crypto.randomUUID(),
        org_id: activeOrgId,
        kind: 'note',
        source_ref: `a11y-${stamp}-${n}`,
        occurred_at: new Date(Date.now() - n * 86_400_000).toISOString(),
        title: `Rollout review with Mia: warehouse-management-integration and onboarding-responsibilities, part ${n}`,
        body: 'Mia wants the Hamburg pilot to start in January, with onboarding included in the volume tier.\nThe rest of the notes.',
        signals: ['buying_signal'],
        contact: mia,
        account,
      },
    });
    expect(filed.error).toBeNull();
  }
  // An item kept from before owners were recorded, that the one-time check gave to nobody.
  await keepFromEarlierVersion(
    context,
    options,
    legacyItem({
      id: crypto.randomUUID(),
      org_id: activeOrgId,
      kind: 'note',
      source_ref: `a11y-old-${stamp}`,
      occurred_at: new Date().toISOString(),
      title: 'Old note',
      body: 'From before the update.',
      signals: [],
      contact: mia,
    }),
    true,
  );
  await allSent(options);

  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const panel = await openPanel(context, gmail);
  const main = highcardIn(panel);
  const sidebar = thisPageIn(panel);
  await expect(sidebar.getByText(/Ask Maximiliane Oberhauser-Wittgenstein 1 \(Customer Success\) \+19 or more/)).toBeVisible();
  await expect(sidebar.getByRole('article', { name: /^Latest entry: Rollout review with Mia/ })).toBeVisible();
  const question = main.getByRole('group', { name: /^1 item filed in this browser before an update has no sender recorded/ });
  await expect(question).toBeVisible();
  // At the panel's width the names wrap between words: nothing of who to ask is cut off.
  const cut = (selector: string) => sidebar.locator(selector).evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(await cut('.hc-summary__line')).toBe(false);
  await expectAccessibleInBothSchemes(panel, 'sidepanel-team', testInfo);

  await sidebar.getByRole('button', { name: 'Read it' }).click();
  await expect(sidebar.getByRole('button', { name: 'Show less' })).toBeFocused();
  expect(await cut('.hc-latest__title')).toBe(false);
  await expectAccessibleInBothSchemes(panel, 'sidepanel-latest-open', testInfo);

  await sidebar.getByRole('button', { name: 'Details' }).click();
  await expect(sidebar.getByText('(who filed most recently; others may have filed before them)')).toBeVisible();
  await question.getByRole('button', { name: 'Discard' }).click();
  await expect(main.getByRole('alertdialog', { name: 'Discard 1 item?' })).toBeVisible();
  await expectAccessibleInBothSchemes(panel, 'sidepanel-details-and-discard', testInfo);
});
