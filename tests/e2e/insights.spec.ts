// Insights end to end: entries with different signals and dates, filed through the extension
// and through the API, then the Insights page's table view and a drill-down list, each
// checked against a GROUP BY over the stored rows.
import type { Page } from '@playwright/test';
import { adminClient } from './backend';
import { expect, test } from './extension';
import { openNewTeam } from './session';

/** The README's screenshot is refreshed on request only (HIGHCARD_SCREENSHOTS=1). */
const takeScreenshots = Boolean(process.env.HIGHCARD_SCREENSHOTS);

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

/** The Monday (UTC, YYYY-MM-DD) of the week `weeksAgo` weeks before this one. */
function monday(weeksAgo: number): string {
  const now = new Date();
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7) - 7 * weeksAgo);
  return day.toISOString().slice(0, 10);
}

/** A moment in that week: its Tuesday plus `hours`. */
function inWeek(weeksAgo: number, hours = 0): string {
  return new Date(Date.parse(`${monday(weeksAgo)}T10:00:00Z`) + 86_400_000 + hours * 3_600_000).toISOString().replace('Z', '+00:00');
}

const weekOf = (iso: string): string => {
  const date = new Date(iso);
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
};

test('Insights shows the weekly numbers of the stored entries, and the entries behind a week', async ({ context, extensionId }) => {
  const stamp = Date.now();
  const options = await openNewTeam(context, extensionId, `iris+${stamp}@insights.example`, `Insights Co ${stamp}`);
  const session = await message<{ activeOrgId: string; user: { id: string } }>(options, 'session.get', {});
  const orgId = session.activeOrgId;

  // Through the extension: pricing twice at Acme and once at Globex last week, an objection,
  // praise three weeks ago, and one pricing entry that will be retracted.
  const file = async (n: number, company: string, weeksAgo: number, signals: string[], title: string) => {
    await message(options, 'capture.file', {
      capture: {
        id: crypto.randomUUID(),
        org_id: orgId,
        kind: 'email',
        source_ref: `msg-insights-${stamp}-${n}`,
        occurred_at: inWeek(weeksAgo, n),
        title,
        body: `${title}.`,
        signals,
        contact: { full_name: `Contact ${company}`, email: `buyer@${company.toLowerCase()}-${stamp}.example` },
        account: { name: `${company} ${stamp}`, domain: `${company.toLowerCase()}-${stamp}.example` },
      },
    });
  };
  await file(1, 'Acme', 1, ['pricing', 'buying_signal'], 'Asked for volume pricing');
  await file(2, 'Acme', 1, ['pricing'], 'Wants a quote for 40 seats');
  await file(3, 'Globex', 1, ['pricing', 'objection'], 'Pricing is above their budget');
  await file(4, 'Globex', 3, ['praise'], 'Loved the new timeline');
  await file(5, 'Acme', 1, ['pricing'], 'Filed by mistake');
  await expect
    .poll(async () => (await message<Array<{ status: string }>>(options, 'outbox.list', {})).filter((i) => i.status !== 'sent').length, {
      timeout: 30_000,
    })
    .toBe(0);

  // Through the API: a note on Globex two weeks ago, and the mistaken entry retracted.
  const admin = adminClient();
  const { data: accounts } = await admin.from('accounts').select('id, name').eq('org_id', orgId);
  const globex = accounts!.find((a) => a.name.startsWith('Globex'))!;
  const note = await admin.from('interactions').insert({
    org_id: orgId,
    account_id: globex.id,
    author_id: session.user.id,
    kind: 'note',
    occurred_at: inWeek(2),
    title: 'Asked again about pricing tiers',
    signals: ['pricing'],
  });
  expect(note.error).toBeNull();
  const retracted = await admin.from('interactions').update({ retracted_at: new Date().toISOString() }).eq('org_id', orgId).eq('title', 'Filed by mistake');
  expect(retracted.error).toBeNull();

  // What the page must show: a GROUP BY over the live entries, per signal and week.
  const { data: stored } = await admin
    .from('interactions')
    .select('id, account_id, occurred_at, signals, title, retracted_at')
    .eq('org_id', orgId);
  const live = stored!.filter((row) => row.retracted_at === null);
  const expected = (signal: string, week: string) => {
    const rows = live.filter((row) => row.signals.includes(signal) && weekOf(row.occurred_at) === week);
    return [String(rows.length), String(new Set(rows.map((row) => row.account_id)).size)];
  };

  // The popup's header leads there.
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 800 });
  await popup.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const [page] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Insights' }).click()]);
  await page.setViewportSize({ width: 380, height: 900 });
  await expect(page.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Pricing, entries per week' })).toBeVisible();

  // The table view: every row of every signal equals the GROUP BY.
  await page.getByRole('switch', { name: 'Show as table' }).check();
  for (const signal of ['pricing', 'objection', 'praise', 'buying_signal']) {
    const label = { pricing: 'Pricing', objection: 'Objection', praise: 'Praise', buying_signal: 'Buying signal' }[signal]!;
    const total = live.filter((row) => row.signals.includes(signal)).length;
    const table = page.getByRole('table', { name: `${label}: ${total} ${total === 1 ? 'entry' : 'entries'}` });
    await expect(table).toBeVisible();
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(27); // the header and 26 weeks
    for (let weeksAgo = 0; weeksAgo < 26; weeksAgo++) {
      const cells = rows.nth(1 + weeksAgo).getByRole('cell');
      expect([await cells.nth(0).textContent(), await cells.nth(1).textContent()], `${signal}, ${monday(weeksAgo)}`).toEqual(
        expected(signal, monday(weeksAgo)),
      );
    }
  }
  await expect(page.getByRole('table', { name: /^Churn risk/ })).toHaveCount(0);

  // Drill down into last week's pricing: the live entries of that week, newest first.
  const lastWeek = page.getByRole('table', { name: /^Pricing/ }).getByRole('row').nth(2);
  await lastWeek.getByRole('button', { name: /^Show the 3 entries about Pricing in the week of/ }).click();
  const list = page.getByRole('list', { name: /^Entries: Pricing in the week of/ });
  const wanted = live
    .filter((row) => row.signals.includes('pricing') && weekOf(row.occurred_at) === monday(1))
    .sort((a, b) => b.occurred_at.localeCompare(a.occurred_at) || b.id.localeCompare(a.id))
    .map((row) => row.title);
  await expect(list.getByRole('article')).toHaveCount(wanted.length);
  expect(await list.getByRole('article').evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label')))).toEqual(wanted);
  await expect(list.getByRole('article', { name: 'Pricing is above their budget' })).toContainText(`Globex ${stamp}`);
  await expect(list.getByRole('article', { name: 'Pricing is above their budget' })).toContainText('Contact Globex');

  // Keyboard on a chart, at full width: the slider says the week's numbers and opens it.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('switch', { name: 'Show as table' }).uncheck();
  const chart = page.getByRole('slider', { name: 'Pricing, entries per week' });
  await chart.focus();
  await chart.press('End');
  await chart.press('ArrowLeft');
  await expect(chart).toHaveAttribute('aria-valuetext', /: 3 entries from 2 accounts$/);
  await chart.press('ArrowLeft');
  await chart.press('Enter');
  await expect(page.getByRole('list', { name: /^Entries: Pricing in the week of/ }).getByRole('article')).toHaveText([
    /Asked again about pricing tiers/,
  ]);
  // Dark mode: the page and its charts follow the system's scheme.
  await page.emulateMedia({ colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = background.match(/\d+/g)!.map(Number);
  expect(r! + g! + b!, background).toBeLessThan(200);
  await page.emulateMedia({ colorScheme: 'light' });

  if (takeScreenshots) {
    await chart.blur();
    await page.screenshot({ path: 'docs/screenshots/insights.png' });
  }
});
