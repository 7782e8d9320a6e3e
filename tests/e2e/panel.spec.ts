// The side panel on screen: Highcard beside the page and never in it, the main action in reach
// without scrolling, honest states, and the tab it shows closed under it.
import type { BrowserContext, Page } from '@playwright/test';
import { adminClient } from './backend';
import { launchChromium } from './browser';
import { expect, test } from './extension';
import { fixture } from './fixtures';
import { allSent, message } from './people';
import { openNewTeam, signInWithCode } from './session';
import { GMAIL_THREAD_URL, highcardIn, LINKEDIN, navigateInApp, openPanel, serveGmail, serveLinkedIn, thisPageIn } from './sites';

/** What a page's own DOM is: how many elements, any shadow host, any style on html or body. */
async function domOf(page: Page): Promise<{ elements: number; shadowHosts: number; htmlStyle: string | null; bodyStyle: string | null }> {
  return page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    shadowHosts: Array.from(document.getElementsByTagName('*')).filter((element) => element.shadowRoot).length,
    htmlStyle: document.documentElement.getAttribute('style'),
    bodyStyle: document.body.getAttribute('style'),
  }));
}

/** The fixture pages Highcard reads, each opened and, with Highcard, read: the panel beside
 * it offers to file what the page's reader reported before the page's DOM is taken. */
async function readPages(context: BrowserContext, withHighcard: boolean): Promise<Record<string, Awaited<ReturnType<typeof domOf>>>> {
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  await serveLinkedIn(context);
  const pages: Record<string, string> = {
    gmail: GMAIL_THREAD_URL,
    profile: `https://www.linkedin.com${LINKEDIN.profile}`,
    conversation: `https://www.linkedin.com${LINKEDIN.thread}`,
  };
  const result: Record<string, Awaited<ReturnType<typeof domOf>>> = {};
  for (const [name, url] of Object.entries(pages)) {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    if (withHighcard) {
      const panel = await openPanel(context, page);
      await expect(thisPageIn(panel).getByRole('button', { name: 'Add to customer record' }).first()).toBeVisible();
      await panel.close();
    }
    result[name] = await domOf(page);
    await page.close();
  }
  return result;
}

test('the pages Highcard reads are element for element the same with and without it', async ({ context, extensionId }) => {
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, `Lumen ${Date.now()}`)).close();
  const withHighcard = await readPages(context, true);
  const plain = await launchChromium({ extension: false });
  try {
    const without = await readPages(plain.context, false);
    expect(withHighcard).toEqual(without);
    for (const dom of Object.values(withHighcard)) {
      expect(dom).toMatchObject({ shadowHosts: 0, htmlStyle: null, bodyStyle: null });
      expect(dom.elements).toBeGreaterThan(20);
    }
  } finally {
    await plain.close();
  }
});

test('in a panel 400 px wide at 800 px high, the message in view is filed without scrolling', async ({ context, extensionId }) => {
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, `Lumen ${Date.now()}`)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  await serveLinkedIn(context);
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const panel = await openPanel(context, gmail);
  const thisPage = thisPageIn(panel);
  await expect(thisPage.getByText('Nobody has filed anything about acme-robotics.example yet.')).toBeVisible();
  // A collapsed message says beside it why it cannot be filed yet.
  const collapsed = thisPage.getByRole('listitem').filter({ hasText: 'Open this message in Gmail first' }).first();
  await expect(collapsed.getByRole('button', { name: 'Add to customer record' })).toHaveAccessibleDescription(
    'Open this message in Gmail first, so Highcard can read what it says.',
  );
  const latest = thisPage.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
  await expect(latest.getByRole('button', { name: 'Add to customer record' })).toBeInViewport({ ratio: 1 });
  expect(await panel.evaluate(() => window.scrollY)).toBe(0);

  const linkedin = await context.newPage();
  await linkedin.goto(`https://www.linkedin.com${LINKEDIN.profile}`);
  const beside = await openPanel(context, linkedin);
  const onLinkedIn = thisPageIn(beside);
  await expect(onLinkedIn.getByRole('heading', { name: 'Lena Brandt', exact: true })).toBeVisible();
  await expect(onLinkedIn.getByRole('button', { name: 'Add to customer record' })).toBeInViewport({ ratio: 1 });
  await navigateInApp(linkedin, LINKEDIN.thread);
  await expect(onLinkedIn.getByRole('heading', { name: 'Acme Robotics pilot' })).toBeVisible();
});

test('signed out, “Sign in” opens Settings at sign-in; a pinned tab that closes is said to be gone', async ({ context }) => {
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const panel = await openPanel(context, gmail);
  const thisPage = thisPageIn(panel);
  const [settings] = await Promise.all([context.waitForEvent('page'), thisPage.getByRole('button', { name: 'Sign in' }).click()]);
  await expect(settings).toHaveURL(/\/options\.html#sign-in$/);
  await expect(settings.getByLabel('Email')).toBeVisible();
  await settings.close();

  await gmail.close();
  await expect(thisPage.getByText('The tab this panel showed was closed.')).toBeVisible();
});

test('the preview refuses what is over a limit, and a filed message shows at once in what the team knows', async ({
  context,
  extensionId,
}) => {
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, `Lumen ${Date.now()}`)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const sidebar = thisPageIn(await openPanel(context, gmail));
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

test('offline, the panel says so and what waits, never the browser’s fetch error', async ({ context, extensionId }) => {
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, `Lumen ${Date.now()}`)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const sidebar = thisPageIn(await openPanel(context, gmail));
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

test('an ended session says how many items wait; signing in again sends them', async ({ context, extensionId }) => {
  const stamp = Date.now();
  const email = `ana.ruiz+${stamp}@lumen-logistics.example`;
  const options = await openNewTeam(context, extensionId, email, `Lumen ${stamp}`);
  const { activeOrgId } = await message<{ activeOrgId: string }>(options, 'session.get', {});
  // The session ends as it does when its refresh token is no longer accepted: the access
  // token is past its time and the server refuses to renew it.
  await options.evaluate(async () => {
    type Area = { get: (key: string) => Promise<Record<string, unknown>>; set: (items: object) => Promise<void> };
    const api = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
    const stored = (await api.get('auth:session'))['auth:session'] as string | object;
    const value = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown>;
    const ended = { ...value, expires_at: Math.floor(Date.now() / 1000) - 3600, refresh_token: 'no-longer-accepted' };
    await api.set({ 'auth:session': typeof stored === 'string' ? JSON.stringify(ended) : ended });
  });
  await message(options, 'capture.file', {
    capture: {
      id: crypto.randomUUID(),
      org_id: activeOrgId,
      kind: 'email',
      source_ref: `msg-ended-${stamp}`,
      occurred_at: new Date(Date.now() - 3_600_000).toISOString(),
      title: 'Wants the volume tier',
      body: '38 robots at the volume tier works for us.',
      signals: ['pricing'],
      contact: { full_name: 'Mia Schmidt', email: `mia.${stamp}@acme-robotics.example` },
      account: { name: `Acme Robotics ${stamp}`, domain: `acme-${stamp}.example` },
    },
  });
  await expect
    .poll(async () => (await message<Array<{ status: string }>>(options, 'outbox.list', {})).map((item) => item.status))
    .toEqual(['waiting_for_sign_in']);
  await options.close();

  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const panel = await openPanel(context, gmail);
  const highcard = highcardIn(panel);
  const record = highcard.getByRole('region', { name: 'Your team’s record' });
  await expect(record.getByText('Your session ended — 1 item waits to be sent')).toBeVisible();
  const [settings] = await Promise.all([context.waitForEvent('page'), record.getByRole('button', { name: 'Sign in' }).click()]);
  await expect(settings).toHaveURL(/\/options\.html#sign-in$/);
  await signInWithCode(settings, email);
  await allSent(settings);
  await expect(highcard.getByText(/^Your session ended/)).toHaveCount(0);
  await expect(highcard.getByRole('combobox', { name: 'Find an account' })).toBeVisible();
  const { data } = await adminClient().from('interactions').select('title').eq('source_ref', `msg-ended-${stamp}`);
  expect(data).toEqual([{ title: 'Wants the volume tier' }]);
});
