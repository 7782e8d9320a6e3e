// A tour of Highcard at the laptop size the stores show (1280×800): the panel beside a Gmail
// thread, its preview, beside a LinkedIn profile, Insights and Settings, each checked for its content and for
// fitting the window. With HIGHCARD_SCREENSHOTS=1 it also refreshes the five store
// screenshots in docs/store/; an ordinary run leaves them alone.
import type { Page } from '@playwright/test';
import { expect, test } from './extension';
import { openNewTeam, openSection } from './session';
import { GMAIL_THREAD_URL, LINKEDIN, openPanel, serveGmail, serveLinkedIn, thisPageIn } from './sites';
import { fixture } from './fixtures';
import { pictureBeside, takePictures } from './pictures';

const SIZE = { width: 1280, height: 800 };

/** An extension page as it is, 1280×800. */
async function snap(page: Page, name: string): Promise<void> {
  if (takePictures) await page.screenshot({ path: `docs/store/${name}.png` });
}

/** Nothing of an extension page is cut off sideways at this width. */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(SIZE.width);
}

async function message<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const result = await page.evaluate(
    ([type, payload]) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> } };
        }
      ).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  );
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.data as T;
}

const weeksAgo = (weeks: number, hours = 3): string =>
  new Date(Date.now() - weeks * 7 * 86_400_000 - hours * 3_600_000).toISOString().replace('Z', '+00:00');

test('every page a store visitor sees fits 1280×800 and shows the team its customers', async ({ context, extensionId }) => {
  const stamp = Date.now();
  const options = await openNewTeam(context, extensionId, `ana+${stamp}@lumen-logistics.example`, `Lumen Logistics ${stamp}`);
  await options.setViewportSize(SIZE);

  // What the team has filed about Acme over the last weeks, as a colleague would have.
  const { activeOrgId } = await message<{ activeOrgId: string }>(options, 'session.get', {});
  const acme = { name: 'Acme Robotics', domain: 'acme-robotics.example' };
  const said: Array<[string, string[], number]> = [
    ['Asked whether onboarding is included in the volume tier', ['pricing', 'buying_signal'], 0],
    ['Wants single sign-on before the Hamburg rollout', ['feature_request'], 1],
    ['Budget approved for 38 robots', ['buying_signal'], 2],
    ['Compared us with a cheaper competitor', ['competitor', 'objection'], 3],
    ['Support ticket about the charging dock', ['support_issue'], 5],
    ['Thanked the team for the quick fix', ['praise'], 6],
  ];
  for (const [index, [title, signals, weeks]] of said.entries()) {
    await message(options, 'capture.file', {
      capture: {
        id: crypto.randomUUID(),
        org_id: activeOrgId,
        kind: 'email',
        source_ref: `store-${stamp}-${index}`,
        occurred_at: weeksAgo(weeks),
        title,
        body: `${title}.`,
        signals,
        contact: { full_name: 'Dana Whitfield', email: 'dana.whitfield@acme-robotics.example' },
        account: acme,
      },
    });
  }
  await expect
    .poll(async () => (await message<Array<{ status: string }>>(options, 'outbox.list', {})).filter((i) => i.status !== 'sent').length, {
      timeout: 30_000,
    })
    .toBe(0);

  // 1–2. Gmail: the team's context beside the thread, and the preview of one message.
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.setViewportSize(SIZE);
  await gmail.goto(GMAIL_THREAD_URL);
  const gmailPanel = await openPanel(context, gmail);
  const sidebar = thisPageIn(gmailPanel);
  await expect(sidebar).toBeVisible();
  await expect(sidebar.getByText('Acme Robotics').first()).toBeVisible();
  await pictureBeside(context, gmail, gmailPanel, 'docs/store/1-gmail-panel.png');
  await sidebar.getByRole('button', { name: 'Add to customer record' }).last().click();
  const preview = sidebar.getByRole('dialog', { name: 'Add to customer record' });
  await expect(preview.getByRole('button', { name: 'File to customer record' })).toBeInViewport();
  await pictureBeside(context, gmail, gmailPanel, 'docs/store/2-gmail-preview.png');
  await gmailPanel.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);

  // 3. LinkedIn: a profile, with Highcard beside it.
  await serveLinkedIn(context);
  const linkedin = await context.newPage();
  await linkedin.setViewportSize(SIZE);
  await linkedin.goto(`https://www.linkedin.com${LINKEDIN.profile}`);
  const linkedinPanel = await openPanel(context, linkedin);
  await expect(thisPageIn(linkedinPanel).getByRole('button', { name: 'Add to customer record' }).first()).toBeInViewport();
  await pictureBeside(context, linkedin, linkedinPanel, 'docs/store/3-linkedin-profile.png');

  // 4. Insights: what customers are telling the team, week by week.
  const insights = await context.newPage();
  await insights.setViewportSize(SIZE);
  await insights.goto(`chrome-extension://${extensionId}/insights.html`);
  await expect(insights.getByRole('heading', { name: 'Insights', level: 1 })).toBeVisible();
  await expect(insights.getByRole('slider', { name: 'Buying signal, entries per week' })).toBeVisible();
  await expectNoSidewaysScroll(insights);
  await snap(insights, '4-insights');

  // 5. Settings: what I have shared, in my own words, with export and retract at hand.
  await openSection(options, 'What I have shared');
  await expect(options.getByText('Budget approved for 38 robots').first()).toBeVisible();
  await expectNoSidewaysScroll(options);
  await snap(options, '5-what-i-have-shared');
});
