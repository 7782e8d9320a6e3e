// An account's view in a panel 400 px wide at 800 px high (the side panel is the window's full
// height): "This page" shows the matched customer's newest entry without scrolling, above the
// messages to file; the account's timeline comes first, the newest entry in view without
// scrolling, whether the rep opened the account from search or the panel opened it for the
// page beside it.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './extension';
import { fixture } from './fixtures';
import { allSent, message } from './people';
import { openNewTeam } from './session';
import { GMAIL_THREAD_URL, highcardIn, openPanel, serveGmail, thisPageIn } from './sites';

const HEIGHT = 800;

/** Where the newest entry of the account's timeline is, in the panel's viewport. */
async function newestEntry(panel: Page): Promise<Locator> {
  const entries = highcardIn(panel).getByRole('list', { name: 'Entries, newest first' });
  const newest = entries.getByRole('article').first();
  await expect(newest).toBeVisible();
  return newest;
}

/** How far below the top of the record (the region "Accounts") the newest entry ends. */
async function belowRecordTop(panel: Page, entry: Locator): Promise<number> {
  await panel.waitForTimeout(500);
  const record = await highcardIn(panel).getByRole('region', { name: 'Accounts' }).boundingBox();
  const box = await entry.boundingBox();
  return box!.y + box!.height - record!.y;
}

async function expectInView(panel: Page, entry: Locator): Promise<void> {
  // Let the parts below the overview paint before measuring (signals, follow, plan).
  await panel.waitForTimeout(500);
  const box = await entry.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(HEIGHT);
}

test('an account’s newest entry is in view at 800 px high, in “This page” and in the record, opened from search or for the page beside the panel', async ({
  context,
  extensionId,
}) => {
  const stamp = Date.now();
  const account = `Acme Robotics ${stamp}`;
  const options = await openNewTeam(context, extensionId, `ana.ruiz+${stamp}@lumen-logistics.example`, `Lumen ${stamp}`);
  const { activeOrgId } = await message<{ activeOrgId: string }>(options, 'session.get', {});
  for (const [index, signals] of [['pricing'], ['objection'], ['pricing', 'churn_risk']].entries()) {
    await message(options, 'capture.file', {
      capture: {
        id: crypto.randomUUID(),
        org_id: activeOrgId,
        kind: 'email',
        source_ref: `msg-view-${stamp}-${index}`,
        occurred_at: new Date(Date.now() - (index + 1) * 3_600_000).toISOString(),
        title: `Entry ${index + 1} about the pilot`,
        body: 'Asked about the volume tier for 38 robots, and about the timeline for the pilot in Hamburg.',
        signals,
        contact: { full_name: 'Mia Schmidt', email: 'mia.schmidt@acme-robotics.example' },
        account: { name: account, domain: 'acme-robotics.example' },
      },
    });
  }
  await allSent(options);
  await options.close();

  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);

  // The account the team matched for the page beside the panel.
  const matched = await openPanel(context, gmail);
  await expect(highcardIn(matched).getByRole('heading', { name: account })).toBeVisible();
  // "This page" shows the newest entry of the customer in view before anything is opened
  // or scrolled, and the messages to file still begin within the first screen.
  const latest = thisPageIn(matched).getByRole('article', { name: 'Latest entry: Entry 1 about the pilot' });
  await expect(latest).toContainText('Latest · Email');
  await expect(latest).toContainText('Asked about the volume tier');
  await expectInView(matched, latest);
  await expectInView(matched, thisPageIn(matched).getByRole('button', { name: 'Add to customer record' }).first());
  expect(await matched.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
  // "This page" comes first; the record below it opens on the account, whose newest entry
  // is within one screen of the record's top.
  expect(await belowRecordTop(matched, await newestEntry(matched))).toBeLessThanOrEqual(HEIGHT);
  await matched.close();

  // The same account, opened from search.
  const searched = await openPanel(context, gmail);
  await highcardIn(searched).getByRole('button', { name: '← Search accounts' }).click();
  await highcardIn(searched).getByRole('combobox', { name: 'Find an account' }).fill(account);
  await highcardIn(searched).getByRole('option', { name: new RegExp(account) }).click();
  await expectInView(searched, await newestEntry(searched));
  // The 90-day bars fold under Signals, below the timeline.
  const bars = highcardIn(searched).getByRole('figure', { name: 'Signals in the last 90 days' });
  await expect(bars).toBeHidden();
  await highcardIn(searched).locator('summary', { hasText: /^Signals$/ }).click();
  await expect(bars.getByRole('listitem').filter({ hasText: 'Pricing' })).toContainText('2 entries');
});
