// Merges can be undone, and old ids lead on, in two browsers against the local stack: Max
// merges the company's second account into the first; Rita, who has the second one open,
// is led to the kept one without reloading; Max undoes it and Rita's view follows back.
import { adminClient } from './backend';
import { expect, launchWithExtension, serviceWorkerOf, test } from './extension';
import { allSent, inviteCode, joinTeam, message, openPopup } from './people';
import { openNewTeam } from './session';

test('a colleague merging and undoing moves an open account view along, without a reload', async ({ context, extensionId }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const orgName = `Kestrel Supply ${stamp}`;
  const company = `Acme Robotics ${stamp}`;
  const usDomain = `acme-${stamp}.example`;
  const deDomain = `acme-${stamp}.de`;

  const max = await openNewTeam(context, extensionId, `max+${stamp}@kestrel-supply.example`, orgName);
  const code = await inviteCode(max);
  const { activeOrgId: orgId } = await message<{ activeOrgId: string }>(max, 'session.get', {});

  // The same company filed under two domains: two accounts of one name.
  const file = (title: string, email: string, domain: string) =>
    message(max, 'capture.file', {
      capture: {
        id: crypto.randomUUID(),
        org_id: orgId,
        kind: 'note',
        occurred_at: new Date(Date.now() - 3_600_000).toISOString(),
        title,
        body: '',
        signals: [],
        contact: { full_name: title.split(' ')[0]!, email },
        account: { name: company, domain },
      },
    });
  await file('Dana asked for a pilot', `dana@${usDomain}`, usDomain);
  await file('Lee confirmed the budget', `lee@${usDomain}`, usDomain);
  await file('Jonas wrote from Hamburg', `jonas@${deDomain}`, deDomain);
  await allSent(max);

  const second = await launchWithExtension();
  try {
    const ritaContext = second.context;
    const ritaExtensionId = new URL((await serviceWorkerOf(ritaContext)).url()).host;
    await joinTeam(ritaContext, ritaExtensionId, { email: `rita+${stamp}@kestrel-supply.example`, displayName: 'Rita Lang', department: 'Support' }, code, orgName);

    // Rita opens the German account and leaves it open.
    const rita = await openPopup(ritaContext, ritaExtensionId);
    await rita.getByRole('combobox', { name: 'Find an account' }).fill(company);
    await rita.getByRole('option', { name: new RegExp(deDomain.replace(/\./g, '\\.')) }).click();
    await expect(rita.getByRole('article', { name: 'Jonas wrote from Hamburg' })).toBeVisible();
    await expect(rita.getByRole('article', { name: 'Dana asked for a pilot' })).toHaveCount(0);

    // Max merges: the account with more entries is proposed to be kept, in words that tell the
    // two apart.
    const maxPopup = await openPopup(context, extensionId);
    await maxPopup.getByRole('combobox', { name: 'Find an account' }).fill(company);
    await maxPopup.getByRole('option', { name: new RegExp(usDomain.replace(/\./g, '\\.')) }).click();
    await expect(maxPopup.getByRole('article', { name: 'Dana asked for a pilot' })).toBeVisible();
    // People and merging fold below the timeline: open them first.
    await maxPopup.getByText('People and merging', { exact: true }).click();
    await maxPopup.getByRole('button', { name: 'Merge with another account…' }).click();
    await maxPopup.getByRole('searchbox', { name: /Merge into/ }).fill(company);
    await maxPopup.getByRole('button', { name: 'Find' }).click();
    await maxPopup.getByRole('list', { name: 'Accounts found' }).getByRole('button', { name: new RegExp(deDomain.replace(/\./g, '\\.')) }).click();
    const dialog = maxPopup.getByRole('dialog', {
      name: `Keep ${company} (${usDomain} · 2 entries) and merge ${company} (${deDomain} · 1 entry) into it?`,
    });
    await expect(dialog).toContainText('Any member can undo this merge for 30 days');
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await expect(maxPopup.getByRole('article', { name: 'Jonas wrote from Hamburg' })).toBeVisible();

    // Rita's view of the merged account leads to the kept one, without a reload.
    await expect(rita.getByRole('article', { name: 'Dana asked for a pilot' })).toBeVisible({ timeout: 30_000 });
    await expect(rita.getByRole('article', { name: 'Jonas wrote from Hamburg' })).toBeVisible();
    await expect(rita.getByText('This account is not in your organization', { exact: false })).toHaveCount(0);

    // Max undoes it from the timeline's merge line.
    const line = maxPopup.getByRole('listitem').filter({ has: maxPopup.getByRole('note').filter({ hasText: `merged ${company}` }) });
    await line.getByRole('button', { name: 'Undo' }).click();
    await expect(maxPopup.getByRole('note').filter({ hasText: `undid the merge of ${company} (${deDomain})` })).toBeVisible();
    await expect(maxPopup.getByRole('article', { name: 'Jonas wrote from Hamburg' })).toHaveCount(0);

    // Rita's view follows back: the two companies' entries are apart again.
    await expect(rita.getByRole('article', { name: 'Dana asked for a pilot' })).toHaveCount(0, { timeout: 30_000 });
    await expect(rita.getByRole('article', { name: 'Jonas wrote from Hamburg' })).toBeVisible();

    const admin = adminClient();
    const { data: merges } = await admin.from('account_merges').select('merged_name, undone_at, undone_by').eq('org_id', orgId);
    expect(merges).toHaveLength(1);
    expect(merges![0]!.undone_at).not.toBeNull();
    const { data: accounts } = await admin.from('accounts').select('id').eq('org_id', orgId);
    expect(accounts).toHaveLength(2);
  } finally {
    await second.close();
  }
});
