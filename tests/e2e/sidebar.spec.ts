// The sidebar on screen: docked beside the page (never over a message or profile), the main
// action in reach without scrolling, remembered per site, one shortcut into it, honest states.
import type { Locator, Page } from '@playwright/test';
import { adminClient } from './backend';
import { expect, test } from './extension';
import { fixture } from './fixtures';
import { openNewTeam } from './session';
import { GMAIL_THREAD_URL, LINKEDIN, navigateInApp, serveGmail, serveLinkedIn, sidebarOf } from './sites';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1440, height: 900 },
] as const;

/** The page's customer words: Gmail message bodies, LinkedIn profile sections and messages. */
const CUSTOMER_WORDS = {
  gmail: 'div[role="main"] .a3s, div[role="main"] [data-message-id]',
  profile: 'main section',
  conversation: '.msg-s-event-listitem__body',
} as const;

/** Texts of the page's elements whose horizontal extent meets the sidebar's: anything there
 * would be under the sidebar at some scroll position. */
async function covered(page: Page, selector: string): Promise<{ checked: number; covered: string[] }> {
  const bar = await page.evaluate(() => {
    const host = document.querySelector('highcard-sidebar');
    const aside = host?.shadowRoot?.querySelector('aside');
    const box = aside?.getBoundingClientRect();
    return box ? { left: box.left, right: box.right } : null;
  });
  expect(bar, 'the sidebar is on the page').not.toBeNull();
  const boxes = await page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { left: box.left, right: box.right, width: box.width, text: (element.textContent ?? '').trim().slice(0, 60) };
    }),
  );
  const shown = boxes.filter((box) => box.width > 0);
  return { checked: shown.length, covered: shown.filter((box) => box.right > bar!.left && box.left < bar!.right).map((b) => b.text) };
}

async function expectNothingCovered(page: Page, selector: string): Promise<void> {
  const result = await covered(page, selector);
  expect(result.checked, `some ${selector} were measured`).toBeGreaterThan(0);
  expect(result.covered).toEqual([]);
}

/** Fully visible without scrolling the page or the sidebar. */
async function expectInReach(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.querySelector('highcard-sidebar')?.shadowRoot?.querySelector('aside')?.scrollTop)).toBe(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
}

test('at 1280×800 and 1440×900 nothing of Highcard covers the customer’s words, and the message in view is filed without scrolling', async ({
  context,
  extensionId,
}) => {
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, `Lumen ${Date.now()}`)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  await serveLinkedIn(context);
  const gmail = await context.newPage();
  const linkedin = await context.newPage();
  for (const size of SIZES) {
    await gmail.setViewportSize(size);
    await gmail.goto(GMAIL_THREAD_URL);
    const sidebar = sidebarOf(gmail);
    await expect(sidebar.getByText('Nobody has filed anything about acme-robotics.example yet.')).toBeVisible();
    await expectNothingCovered(gmail, CUSTOMER_WORDS.gmail);
    // A collapsed message says beside it why it cannot be filed yet.
    const collapsed = sidebar.getByRole('listitem').filter({ hasText: 'Open this message in Gmail first' }).first();
    await expect(collapsed.getByRole('button', { name: 'Add to customer record' })).toHaveAccessibleDescription(
      'Open this message in Gmail first, so Highcard can read what it says.',
    );
    // The latest message is the one Gmail shows open at the bottom of the thread.
    const latest = sidebar.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
    await expectInReach(gmail, latest.getByRole('button', { name: 'Add to customer record' }));

    await linkedin.setViewportSize(size);
    await linkedin.goto(`https://www.linkedin.com${LINKEDIN.profile}`);
    const onLinkedIn = sidebarOf(linkedin);
    await expect(onLinkedIn.getByRole('heading', { name: 'Lena Brandt', exact: true })).toBeVisible();
    await expectNothingCovered(linkedin, CUSTOMER_WORDS.profile);
    await expectInReach(linkedin, onLinkedIn.getByRole('button', { name: 'Add to customer record' }));
    await navigateInApp(linkedin, LINKEDIN.thread);
    await expect(onLinkedIn.getByRole('heading', { name: 'Acme Robotics pilot' })).toBeVisible();
    await expectNothingCovered(linkedin, CUSTOMER_WORDS.conversation);
    await expectInReach(linkedin, onLinkedIn.getByRole('button', { name: 'Add to customer record' }).last());
  }
});

/** The messaging fixture with its conversation told four times over (new message ids), as a
 * long thread: the newest message is last. */
function longConversation(): string {
  const html = fixture('linkedin/messaging-thread.html');
  const open = '<ul class="msg-s-message-list-content list-style-none full-width mbA">';
  const start = html.indexOf(open) + open.length;
  const end = html.indexOf('</ul>', start);
  const events = html.slice(start, end);
  const earlier = [1, 2, 3].map((n) => events.replace(/data-event-urn="([^"]+)\)"/g, `data-event-urn="$1-earlier${n})"`)).join('');
  return html.slice(0, start) + earlier + events + html.slice(end);
}

test('in a long conversation at 1280×800 the newest message is filed without scrolling', async ({ context, extensionId }) => {
  await (await openNewTeam(context, extensionId, `dana+${Date.now()}@highcard.example`, `Highcard Sales ${Date.now()}`)).close();
  const page = longConversation();
  await context.route(`https://www.linkedin.com${LINKEDIN.thread}`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: page }),
  );
  await context.route(/^https:\/\/[^/]*licdn\.com\//, (route) => route.fulfill({ status: 404, body: '' }));
  const linkedin = await context.newPage();
  await linkedin.setViewportSize(SIZES[0]);
  await linkedin.goto(`https://www.linkedin.com${LINKEDIN.thread}`);
  const sidebar = sidebarOf(linkedin);
  const buttons = sidebar.getByRole('button', { name: 'Add to customer record' });
  await expect(buttons.nth(20)).toBeAttached();
  // Long enough that not every message fits: the list starts at its end.
  await expect(buttons.first()).not.toBeInViewport();
  await expectInReach(linkedin, buttons.last());
  await expect(sidebar.getByRole('heading', { name: 'What the team knows' })).toBeInViewport();
});

test('signed out, “Sign in” opens Settings; hidden or shown is remembered per site, the hidden tab covers nothing, and Alt+Shift+H moves focus into it', async ({
  context,
}) => {
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  await serveLinkedIn(context);
  const gmail = await context.newPage();
  await gmail.setViewportSize(SIZES[0]);
  await gmail.goto(GMAIL_THREAD_URL);
  const sidebar = sidebarOf(gmail);
  // Signed out: one line, and "Sign in" opens Settings at sign-in.
  const [settings] = await Promise.all([context.waitForEvent('page'), sidebar.getByRole('button', { name: 'Sign in' }).click()]);
  await expect(settings).toHaveURL(/\/options\.html#sign-in$/);
  await expect(settings.getByLabel('Email')).toBeVisible();
  await settings.close();

  // From Gmail's own search field, one shortcut lands in the sidebar.
  await gmail.getByRole('textbox', { name: 'Search mail' }).focus();
  await gmail.keyboard.press('Alt+Shift+H');
  await expect(sidebar.getByRole('heading', { level: 1 })).toBeFocused();

  await sidebar.getByRole('button', { name: 'Hide' }).click();
  await expect(sidebar.getByRole('button', { name: 'Highcard' })).toHaveAttribute('aria-expanded', 'false');
  await expectNothingCovered(gmail, CUSTOMER_WORDS.gmail);
  await gmail.reload();
  await expect(sidebar.getByRole('button', { name: 'Highcard' })).toHaveAttribute('aria-expanded', 'false');
  // Hidden, the shortcut shows it and moves focus in.
  await gmail.getByRole('textbox', { name: 'Search mail' }).focus();
  await gmail.keyboard.press('Alt+Shift+H');
  await expect(sidebar.getByRole('heading', { level: 1 })).toBeFocused();
  await sidebar.getByRole('button', { name: 'Hide' }).click();

  // Hiding it on Gmail leaves it shown on LinkedIn.
  const linkedin = await context.newPage();
  await linkedin.goto(`https://www.linkedin.com${LINKEDIN.profile}`);
  await expect(sidebarOf(linkedin).getByRole('button', { name: 'Hide' })).toBeVisible();
  await gmail.reload();
  await expect(sidebar.getByRole('button', { name: 'Highcard' })).toHaveAttribute('aria-expanded', 'false');
});

test('the preview refuses what is over a limit, and a filed message shows at once in what the team knows', async ({
  context,
  extensionId,
}) => {
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, `Lumen ${Date.now()}`)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const sidebar = sidebarOf(gmail);
  const mias = sidebar.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
  await mias.getByRole('button', { name: 'Add to customer record' }).click();
  const preview = sidebar.getByRole('dialog', { name: 'Add to customer record' });
  await expect(preview.getByText(GMAIL_THREAD_URL)).toBeVisible();
  await expect(preview.getByText('Only you see this link.')).toBeVisible();

  await preview.getByLabel('Title').fill('x'.repeat(301));
  await expect(preview.getByText('301 / 300 characters — The title is 1 character too long.')).toBeVisible();
  await preview.getByLabel('What the customer said').fill('   ');
  await expect(preview.getByRole('button', { name: 'File to customer record' })).toBeDisabled();
  // Enter in the title submits the form: it is refused, the preview stays.
  await preview.getByLabel('Title').press('Enter');
  await expect(preview).toBeVisible();
  await expect(preview.getByText(/^Not filed yet: The title is 1 character too long\. The text is only spaces/)).toBeVisible();

  await preview.getByLabel('Title').fill('Wants the volume tier');
  await preview.getByLabel('What the customer said').fill('38 robots at the volume tier works for us.');
  await preview.getByRole('button', { name: 'File to customer record' }).click();
  await expect(sidebar.getByRole('list', { name: 'Just filed by you' }).getByText('Wants the volume tier')).toBeVisible();
  await expect(mias.getByText('Filed', { exact: true })).toBeVisible();
  // Other tests file the same Gmail message in their own organizations: find this one's row.
  const { data } = await adminClient()
    .from('interactions')
    .select('body')
    .eq('source_ref', 'msg-f:1849560000123456789')
    .eq('title', 'Wants the volume tier');
  expect(data).toEqual([{ body: '38 robots at the volume tier works for us.' }]);
});

test('offline, the sidebar says so and what waits, never the browser’s fetch error', async ({ context, extensionId }) => {
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, `Lumen ${Date.now()}`)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const sidebar = sidebarOf(gmail);
  await expect(sidebar.getByText('Nobody has filed anything about acme-robotics.example yet.')).toBeVisible();
  await context.setOffline(true);
  await expect(sidebar.getByText("You're offline — what the team knows shows again when you're back")).toBeVisible();
  const mias = sidebar.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
  await mias.getByRole('button', { name: 'Add to customer record' }).click();
  await sidebar.getByRole('button', { name: 'File to customer record' }).click();
  await expect(sidebar.getByText("You're offline — 1 item will be sent when you're back")).toBeVisible();
  await expect(mias.getByText(/^Filed · kept in this browser, waiting for the network/)).toBeVisible();
  await expect(sidebar).not.toContainText('Failed to fetch');
  await context.setOffline(false);
  await expect(mias.getByText('Filed', { exact: true })).toBeVisible({ timeout: 30_000 });
});
