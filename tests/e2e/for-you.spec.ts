// For you in two browsers against the local stack (pact rule 8): Ana brings an
// entry to Support; Ben, in Support, finds it in For you, opens the account at the entry,
// follows the account and dismisses the route; nothing of Ben's reading reaches Ana.
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { adminClient, stackInfo } from './backend';
import { expect, launchWithExtension, serviceWorkerOf, test } from './extension';
import { fixture } from './fixtures';
import { allSent, apiAs, inviteCode, joinTeam, message, openPopup, saveProfile } from './people';
import { openNewTeam } from './session';
import { GMAIL_THREAD_URL, serveGmail, thisPageBeside } from './sites';

test('a route to Support reaches Ben in For you; his reading and dismissing tell Ana nothing', async ({ context, extensionId }) => {
  // Two browsers, each signed in and reading its side panel: twice a one-browser test's time.
  test.setTimeout(120_000);
  const stamp = Date.now();
  const orgName = `Kestrel Supply ${stamp}`;
  const account = `Acme Robotics ${stamp}`;
  const anaEmail = `ana+${stamp}@kestrel-supply.example`;

  const ana = await openNewTeam(context, extensionId, anaEmail, orgName);
  await saveProfile(ana, 'Ana Ruiz', 'Sales');
  const code = await inviteCode(ana);

  const second = await launchWithExtension();
  try {
    const benContext = second.context;
    const benExtensionId = new URL((await serviceWorkerOf(benContext)).url()).host;
    await joinTeam(
      benContext,
      benExtensionId,
      { email: `ben+${stamp}@kestrel-supply.example`, displayName: 'Ben Okafor', department: 'Support' },
      code,
      orgName,
    );

    // Ana files a complaint about Acme.
    const { activeOrgId } = await message<{ activeOrgId: string }>(ana, 'session.get', {});
    const capture = (title: string, body: string, hoursAgo: number) => ({
      capture: {
        id: crypto.randomUUID(),
        org_id: activeOrgId,
        kind: 'email',
        source_ref: `msg-for-you-${stamp}-${title.length}-${hoursAgo}`,
        occurred_at: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
        title,
        body,
        signals: ['support_issue'],
        contact: { full_name: 'Mia Schmidt', email: `mia.${stamp}@acme-robotics.example` },
        account: { name: account, domain: `acme-${stamp}.example` },
      },
    });
    await message(ana, 'capture.file', capture('Robots stop at the loading dock', 'Three robots halted at dock 4 twice this week.', 2));
    await allSent(ana);

    // Ana brings it to Support from her popup's timeline, in two choices and a note.
    const anaPopup = await openPopup(context, extensionId);
    await anaPopup.getByRole('combobox', { name: 'Find an account' }).fill(account);
    await anaPopup.getByRole('option', { name: new RegExp(account) }).click();
    const anaEntry = anaPopup.getByRole('article', { name: 'Robots stop at the loading dock' });
    await anaEntry.getByRole('button', { name: 'Bring to a colleague' }).click();
    await anaEntry.getByRole('combobox', { name: 'To' }).selectOption({ label: 'Support (everyone in it)' });
    await anaEntry.getByLabel('Note (optional)').fill('Mia is upset — can Support call her today?');
    await anaEntry.getByRole('button', { name: 'Send' }).click();
    await expect(anaEntry.getByRole('status')).toHaveText(
      'Brought to Support. It waits in their For you; Highcard never tells anyone who read it.',
    );
    const anaApi = await apiAs(anaEmail);
    const sentRoute = (await anaApi.from('entry_routes').select('*')).data;
    expect(sentRoute).toHaveLength(1);

    // Ben's panel shows For you with the sender and the note. (Something new goes as soon as
    // For you is on screen; the unit tests show it lighting.)
    const benPopup = await openPopup(benContext, benExtensionId);
    const forYou = benPopup.getByRole('region', { name: 'For you', exact: true });
    await expect(forYou).toBeVisible();
    const routed = forYou.getByRole('article', { name: 'Robots stop at the loading dock' });
    await expect(routed).toContainText(`${account} · from Ana Ruiz`);
    await expect(routed).toContainText('Mia is upset — can Support call her today?');

    // He opens the account at that entry, and follows the account.
    await routed.getByRole('button', { name: 'Open “Robots stop at the loading dock”' }).click();
    await expect(benPopup.getByRole('heading', { name: account })).toBeVisible();
    const accounts = benPopup.getByRole('region', { name: 'Accounts', exact: true });
    await expect(accounts.getByRole('article', { name: 'Robots stop at the loading dock' })).toHaveAttribute('aria-current', 'true');
    await expect(benPopup.getByText('Only this browser knows what you follow.')).toBeVisible();
    await benPopup.getByRole('button', { name: 'Follow' }).click();
    await expect(benPopup.getByRole('button', { name: 'Follow' })).toHaveAttribute('aria-pressed', 'true');

    // Back in For you he dismisses the route; it is gone, and stays gone.
    await benPopup.getByRole('button', { name: 'Dismiss “Robots stop at the loading dock”' }).click();
    await expect(forYou.getByRole('article', { name: 'Robots stop at the loading dock' })).toHaveCount(0);
    // He has seen For you: nothing is marked new any more.
    await expect(benPopup.getByText('Something new', { exact: true })).toHaveCount(0);
    await benPopup.reload();
    await expect(benPopup.getByText(/^Nothing is waiting for you\./)).toBeVisible();
    // The server kept the dismissal as Ben's own row; it never learned what Ben follows.
    const admin = adminClient();
    expect((await admin.from('route_dismissals').select('user_id').eq('route_id', sentRoute![0]!.id)).data).toHaveLength(1);

    // A new entry on the followed account shows in Ben's For you, under what he follows.
    await message(ana, 'capture.file', capture('Asked for a root-cause report', 'Mia wants a written root-cause analysis by Friday.', 1));
    await allSent(ana);
    await benPopup.reload();
    await expect(forYou).toBeVisible();
    const followed = benPopup.getByRole('region', { name: 'New on accounts you follow' });
    await expect(followed.getByRole('article', { name: 'Asked for a root-cause report' })).toContainText('filed by Ana Ruiz');
    // He clears it, in this browser only: it stays cleared.
    await followed.getByRole('button', { name: 'Clear “Asked for a root-cause report”' }).click();
    await expect(benPopup.getByText(/^Nothing is waiting for you\./)).toBeVisible();
    expect(await message(benPopup, 'forYou.list', { prefer: 'network' })).toMatchObject({ routes: [], followed: [] });

    // Ana's side: the route reads exactly as when she sent it, no dismissal is readable to her,
    // and her popup says nothing about who read what.
    expect((await anaApi.from('entry_routes').select('*')).data).toEqual(sentRoute);
    expect((await anaApi.from('route_dismissals').select('*')).data).toEqual([]);
    await anaPopup.reload();
    await anaPopup.getByRole('combobox', { name: 'Find an account' }).fill(account);
    await anaPopup.getByRole('option', { name: new RegExp(account) }).click();
    const anaView = anaPopup.getByRole('article', { name: 'Robots stop at the loading dock' });
    await expect(anaView).toBeVisible();
    await expect(anaView).not.toContainText(/\b(read|seen|opened|dismissed|Ben)\b/i);
  } finally {
    await second.close();
  }
});

test('right after filing in Gmail, the panel brings the message to a colleague and follows its account', async ({ context, extensionId }) => {
  const stamp = Date.now();
  const ana = await openNewTeam(context, extensionId, `ana+${stamp}@kestrel-supply.example`, `Kestrel Supply ${stamp}`);
  await saveProfile(ana, 'Ana Ruiz', 'Sales');
  const code = await inviteCode(ana);
  // Ben joins through the API: this test is about Ana's panel.
  const { apiUrl, anonKey } = stackInfo();
  const ben = createClient(apiUrl, anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
  const signUp = await ben.auth.signUp({ email: `ben+${stamp}@kestrel-supply.example`, password: `ben-${stamp}-password` });
  expect(signUp.error).toBeNull();
  const orgId = (await ben.rpc('join_organization', { code })).data as string;
  await ben.from('memberships').update({ display_name: 'Ben Okafor', department: 'Support' }).eq('org_id', orgId).eq('user_id', signUp.data.user!.id);

  await serveGmail(context, () => fixture('gmail/thread-expanded-and-collapsed.html'));
  const gmail = await context.newPage();
  await gmail.goto(GMAIL_THREAD_URL);
  const sidebar = await thisPageBeside(context, gmail);
  const mias = sidebar.getByRole('listitem').filter({ hasText: 'Mia Schmidt' }).last();
  await mias.getByRole('button', { name: 'Add to customer record' }).click();
  await sidebar.getByRole('dialog', { name: 'Add to customer record' }).getByRole('button', { name: 'File to customer record' }).click();
  await expect(mias.getByText('Filed', { exact: true })).toBeVisible();

  // Two choices and Send, from the Filed state.
  await mias.getByRole('button', { name: 'Bring to a colleague' }).click();
  await mias.getByRole('combobox', { name: 'To' }).selectOption({ label: 'Ben Okafor (Support)' });
  await mias.getByRole('button', { name: 'Send' }).click();
  await expect(mias.getByRole('status').filter({ hasText: 'Brought to Ben Okafor.' })).toBeVisible();
  const forBen = (await ben.rpc('for_you', { org_id: orgId })).data as Array<{ routed_by_display_name: string; interaction_id: string }>;
  expect(forBen).toHaveLength(1);
  expect(forBen[0]!.routed_by_display_name).toBe('Ana Ruiz');

  // Follow the account from the panel: kept in this browser, nowhere on the server.
  const follow = sidebar.getByRole('button', { name: 'Follow' });
  await expect(sidebar.getByText('Only this browser knows what you follow.')).toBeVisible();
  await follow.click();
  await expect(follow).toHaveAttribute('aria-pressed', 'true');
  const [entry] = (await adminClient().from('interactions').select('account_id').eq('id', forBen[0]!.interaction_id)).data ?? [];
  expect(await message(ana, 'follow.get', { accountId: entry!.account_id })).toEqual({ following: true });
});
