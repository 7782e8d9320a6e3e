// Plans end to end, in the side panel beside Gmail: a sentence of the customer's becomes their
// promise, shows before the rep replies and in For you → Due, and their message settles it.
// The rows that land are read back from the database.
import { adminClient, orgIdNamed } from './backend';
import { fixture } from './fixtures';
import { expect, test } from './extension';
import { openNewTeam } from './session';
import type { Page } from '@playwright/test';
import { GMAIL_THREAD_URL, highcardIn, openPanel, serveGmail, thisPageIn } from './sites';

const PROMISE = 'Jonas will send a sample EWM export on Monday';
const MIAS_MESSAGE = 'msg-f:1849560000123456789';

/** Selects `wanted` in the page, as the rep would with the mouse. */
async function selectOnPage(page: Page, wanted: string): Promise<void> {
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(text) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return;
    }
    throw new Error(`“${text}” is not on the page`);
  }, wanted);
}

test('the customer’s promise is added from their words, shows as open and due, and their message settles it', async ({ context, extensionId }) => {
  const organization = `Lumen Logistics ${Date.now()}`;
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, organization)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const panel = await openPanel(context, gmail);
  const page = thisPageIn(panel);

  // Mia's message is filed first: the team then has Acme Robotics' account.
  const mias = page.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
  await mias.getByRole('button', { name: 'Add to customer record' }).click();
  await page.getByRole('dialog', { name: 'Add to customer record' }).getByRole('button', { name: 'File to customer record' }).click();
  await expect(mias.getByText('Filed', { exact: true })).toBeVisible();

  // The rep selects the sentence in Gmail and adds it as a promise.
  await selectOnPage(gmail, PROMISE);
  await page.getByRole('button', { name: 'Add as a promise' }).click();
  const form = page.getByRole('form', { name: 'Add as a promise' });
  await expect(form.getByRole('textbox', { name: 'Text' })).toHaveValue(PROMISE);
  await expect(form.getByRole('textbox', { name: 'Text' })).toBeFocused();
  await expect(form.getByRole('radio', { name: 'They promised' })).toBeChecked();
  // Mia wrote on Friday 20 November 2026: her "on Monday" is the 23rd.
  await expect(form.getByLabel('Due date')).toHaveValue('2026-11-23');
  await expect(form.getByText('read from “on Monday” — check it')).toBeVisible();
  await form.getByRole('button', { name: 'Add promise' }).click();

  // Open with them, before the rep replies: theirs, overdue, said in words.
  const open = page.getByRole('region', { name: 'Open with them' });
  const step = open.getByRole('listitem', { name: PROMISE });
  await expect(step).toBeVisible();
  await expect(step.getByText(/^Overdue — was due/)).toBeVisible();

  // For you → Due: the rep wrote it, so it is theirs to watch.
  const due = highcardIn(panel).getByRole('region', { name: 'Due', exact: true });
  await panel.reload();
  await expect(due.getByRole('region', { name: 'Overdue' }).getByRole('listitem', { name: PROMISE })).toBeVisible();

  // Insights, by account and never by person: the customer's promise to us is overdue, and no
  // account waits on us.
  const insights = await context.newPage();
  await insights.goto(`chrome-extension://${extensionId}/insights.html`);
  const late = insights.getByRole('table', { name: 'Accounts whose promises to us are overdue' });
  await expect(late.getByRole('row')).toHaveCount(2);
  await expect(late.getByRole('row').nth(1)).toContainText('1 promise to us');
  await expect(late.locator('time[datetime="2026-11-23"]')).toBeVisible();
  await expect(late).not.toContainText('Ana');
  await expect(insights.getByText('Nothing overdue — no account waits on us.')).toBeVisible();

  // The account's name opens it in the side panel: a panel that was showing no account follows
  // the click (the browser's own side panel cannot be seen from here; the panel page is the same).
  const beside = await context.newPage();
  await beside.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await expect(highcardIn(beside).getByRole('combobox', { name: 'Find an account' })).toBeVisible();
  await expect(highcardIn(beside).getByRole('heading', { name: 'Acme Robotics' })).toHaveCount(0);
  const account = late.getByRole('button', { name: 'Acme Robotics' });
  await account.focus();
  await insights.keyboard.press('Enter');
  await expect(highcardIn(beside).getByRole('heading', { name: 'Acme Robotics', exact: true })).toBeVisible();
  await beside.close();

  // Mia's message settles it.
  await thisPageIn(panel).getByRole('region', { name: 'Open with them' }).getByRole('listitem', { name: PROMISE }).getByRole('button', { name: 'This settles it' }).click();
  await expect(thisPageIn(panel).getByText(`Settled “${PROMISE}” with their reply.`)).toBeVisible();
  await insights.reload();
  await expect(insights.getByText('Nothing overdue — no customer’s promise to us is past its date.')).toBeVisible();
  await insights.close();

  const admin = adminClient();
  const orgId = await orgIdNamed(organization);
  const { data: entry } = await admin.from('interactions').select('id, account_id').eq('org_id', orgId).eq('source_ref', MIAS_MESSAGE).single();
  const { data: items, error } = await admin
    .from('plan_items')
    .select('account_id, kind, side, body, due_on, outcome, settled_interaction_id, taken_by')
    .eq('org_id', orgId);
  expect(error).toBeNull();
  expect(items).toEqual([
    {
      account_id: entry!.account_id,
      kind: 'step',
      side: 'theirs',
      body: PROMISE,
      due_on: '2026-11-23',
      outcome: 'done',
      settled_interaction_id: entry!.id,
      taken_by: null,
    },
  ]);
});

test('a promise read from a message not filed yet files that message first, through the usual preview, and points at the entry it made', async ({ context, extensionId }) => {
  const organization = `Lumen Logistics ${Date.now()}`;
  await (await openNewTeam(context, extensionId, `ana.ruiz+${Date.now()}@lumen-logistics.example`, organization)).close();
  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const panel = await openPanel(context, gmail);
  const page = thisPageIn(panel);

  // Ana's reply is filed: the team has Acme Robotics' account, but not Mia's latest message.
  const anas = page.getByRole('listitem').filter({ hasText: 'Ana Ruiz' }).last();
  await anas.getByRole('button', { name: 'Add to customer record' }).click();
  const preview = page.getByRole('dialog', { name: 'Add to customer record' });
  await preview.getByRole('button', { name: 'File to customer record' }).click();
  await expect(anas.getByText('Filed', { exact: true })).toBeVisible();

  await selectOnPage(gmail, PROMISE);
  await page.getByRole('button', { name: 'Add as a promise' }).click();
  const form = page.getByRole('form', { name: 'Add as a promise' });
  await expect(form.getByLabel('Due date')).toHaveValue('2026-11-23');
  await form.getByRole('textbox', { name: 'Text' }).fill(`${PROMISE} (with the custom fields)`);
  await form.getByRole('button', { name: 'Add promise' }).click();

  // Mia's message is not filed: the usual preview comes first. Closing it adds nothing, says
  // so, and gives the promise back as the rep wrote it.
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('textbox', { name: 'What the customer said' })).toHaveValue(/Jonas will send a sample EWM export on Monday/);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The message was not filed, so the promise was not added.' })).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Text' })).toHaveValue(`${PROMISE} (with the custom fields)`);

  await form.getByRole('button', { name: 'Add promise' }).click();
  await preview.getByRole('button', { name: 'File to customer record' }).click();
  await expect(page.getByRole('region', { name: 'Open with them' }).getByRole('listitem', { name: `${PROMISE} (with the custom fields)` })).toBeVisible();

  const admin = adminClient();
  const orgId = await orgIdNamed(organization);
  const { data: entry } = await admin.from('interactions').select('id, account_id').eq('org_id', orgId).eq('source_ref', MIAS_MESSAGE).single();
  const { data: items, error } = await admin.from('plan_items').select('account_id, side, body, due_on, source_interaction_id').eq('org_id', orgId);
  expect(error).toBeNull();
  expect(entry!.account_id).not.toBeNull();
  expect(items).toEqual([
    { account_id: entry!.account_id, side: 'theirs', body: `${PROMISE} (with the custom fields)`, due_on: '2026-11-23', source_interaction_id: entry!.id },
  ]);
});
