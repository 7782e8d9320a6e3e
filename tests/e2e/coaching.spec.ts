// Coaching and thanks in two browsers against the local stack (pact rules 9 and 10): a
// manager opens a coaching period for one colleague, who is told in the popup and writes to
// her; a third member of the team sees nothing of it; a colleague thanks an entry and only
// its author sees the thank-you.
import { createClient } from '@supabase/supabase-js';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { adminClient, stackInfo } from './backend';
import { expect, launchWithExtension, serviceWorkerOf, test } from './extension';
import { allSent, joinTeam, message, openPopup, saveProfile } from './people';
import { openNewTeam, openSection } from './session';

/** An invite code for `role`; the new code replaces the last one on screen. */
async function inviteCodeAs(options: Page, role: 'Member' | 'Manager'): Promise<string> {
  await openSection(options, 'People');
  const invite = options.locator('form', { hasText: 'Share an invitation' });
  await invite.getByRole('combobox').selectOption({ label: role });
  const code = options.getByLabel('Invite code');
  const before = (await code.count()) ? await code.textContent() : null;
  await options.getByRole('button', { name: 'Create invitation' }).click();
  // The second code replaces the first on screen: wait for the new one.
  await expect.poll(async () => ((await code.count()) ? await code.textContent() : null)).not.toBe(before);
  return (await code.textContent())!.trim();
}

/** A UTC day `days` from today, as the date field takes it. */
const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test('a coaching period is seen by its two people only, and a thank-you by its author only', async ({ context, extensionId }) => {
  const stamp = Date.now();
  const orgName = `Harbour Freight ${stamp}`;

  // Maria (who creates the team, so she may open coaching periods) invites Ben, and Dev as a manager.
  const maria = await openNewTeam(context, extensionId, `maria+${stamp}@harbour-freight.example`, orgName);
  await saveProfile(maria, 'Maria Rossi', 'Sales');
  const benCode = await inviteCodeAs(maria, 'Member');
  const devCode = await inviteCodeAs(maria, 'Manager');

  const second = await launchWithExtension();
  try {
    const benContext = second.context;
    const benExtensionId = new URL((await serviceWorkerOf(benContext)).url()).host;
    const ben = await joinTeam(benContext, benExtensionId, { email: `ben+${stamp}@harbour-freight.example`, displayName: 'Ben Okafor', department: 'Support' }, benCode, orgName);

    // Before anything is opened, Ben's Coaching says so.
    await openSection(ben, 'Coaching');
    await expect(ben.getByText(/Nobody has opened a coaching period with you/)).toBeVisible();

    // Maria opens a period for Ben.
    await maria.reload();
    await openSection(maria, 'Coaching');
    const form = maria.getByRole('form', { name: 'Open a coaching period' });
    await form.getByLabel('With').selectOption({ label: 'Ben Okafor (Support)' });
    await form.getByLabel('Purpose').fill('Writing up discovery calls so the team can use them');
    await form.getByLabel('Last day').fill(dayFromToday(14));
    await expect(form).toContainText('Only you and Ben Okafor will see it.');
    await form.getByRole('button', { name: 'Open the period' }).click();
    await expect(form.getByRole('status')).toContainText('Opened.');
    const mariasPeriod = maria.getByRole('article', { name: 'Coaching Ben Okafor' });
    await expect(mariasPeriod).toContainText('Only you and Ben Okafor see this.');
    await expect(mariasPeriod).toContainText('will be deleted on');

    // Ben is not surprised: the popup tells him who, why and until when, and links to it.
    const benPopup = await openPopup(benContext, benExtensionId);
    const notice = benPopup.getByRole('complementary', { name: 'Coaching' });
    await expect(notice).toContainText('Maria Rossi opened a coaching period with you until');
    await expect(notice).toContainText('Writing up discovery calls');
    await notice.getByRole('button', { name: 'Open coaching' }).click();
    // Ben's Settings is already open: Highcard shows Coaching there instead of a second tab.
    const coachingTab = () => benContext.pages().find((page) => page.url().endsWith('/options.html#coaching'));
    await expect.poll(() => Boolean(coachingTab())).toBe(true);
    const benCoaching = coachingTab()!;
    await expect(benCoaching.getByRole('heading', { level: 2, name: 'Coaching' })).toBeVisible();
    const bensPeriod = benCoaching.getByRole('article', { name: 'Coaching with Maria Rossi' });
    await expect(bensPeriod).toContainText('Only you and Maria Rossi see this.');
    await bensPeriod.getByLabel('Write a note for Maria Rossi').fill('I wrote up the Acme discovery call; the pricing questions are in it.');
    await bensPeriod.getByRole('button', { name: 'Add note' }).click();
    await expect(bensPeriod.getByRole('list', { name: 'Notes' })).toContainText('the pricing questions are in it');

    // Maria reads Ben's note.
    await maria.reload();
    await openSection(maria, 'Coaching');
    await expect(maria.getByRole('article', { name: 'Coaching Ben Okafor' }).getByRole('list', { name: 'Notes' })).toContainText(
      'I wrote up the Acme discovery call',
    );

    // Dev, another manager of the same team, sees nothing of it, and cannot write into it.
    const { apiUrl, anonKey } = stackInfo();
    const dev = createClient(apiUrl, anonKey, { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });
    const signUp = await dev.auth.signUp({ email: `dev+${stamp}@harbour-freight.example`, password: `dev-${stamp}-password` });
    expect(signUp.error).toBeNull();
    expect((await dev.rpc('join_organization', { code: devCode })).error).toBeNull();
    expect((await dev.from('coaching_periods').select('id')).data).toEqual([]);
    expect((await dev.from('coaching_notes').select('id')).data).toEqual([]);
    const [stored] = (await adminClient().from('coaching_periods').select('id, manager_id, employee_id').eq('purpose', 'Writing up discovery calls so the team can use them')).data ?? [];
    expect(stored).toBeTruthy();
    const intrusion = await dev.rpc('add_coaching_note', { period_id: stored!.id, body: 'Let me in' });
    expect(intrusion.error?.code).toBe('42501');

    // Thanks: Maria files an entry; Ben says it helped him; only Maria sees it, with his note.
    const session = await message<{ activeOrgId: string }>(maria, 'session.get', {});
    await message(maria, 'capture.file', {
      capture: {
        id: crypto.randomUUID(),
        org_id: session.activeOrgId,
        kind: 'email',
        source_ref: `msg-coaching-e2e-${stamp}`,
        occurred_at: new Date(Date.now() - 3_600_000).toISOString().replace('Z', '+00:00'),
        title: 'Hamburg warehouse wants a pilot',
        body: 'They asked for a four-week pilot before the volume order.',
        signals: ['buying_signal'],
        contact: { full_name: 'Mia Schmidt', email: `mia.${stamp}@acme-robotics.example` },
        account: { name: `Acme Robotics ${stamp}`, domain: 'acme-robotics.example' },
      },
    });
    await allSent(maria);

    await benPopup.reload();
    const search = benPopup.getByRole('combobox', { name: 'Find an account' });
    await search.fill(`Acme Robotics ${stamp}`);
    await benPopup.getByRole('option', { name: new RegExp(`Acme Robotics ${stamp}`) }).click();
    const entry = benPopup.getByRole('article', { name: 'Hamburg warehouse wants a pilot' });
    await entry.getByRole('button', { name: 'This helped me' }).click();
    await entry.getByLabel('Note to Maria Rossi (optional)').fill('This got me through the Hamburg call');
    await entry.getByRole('button', { name: 'Send thanks' }).click();
    await expect(entry.getByRole('button', { name: 'This helped me' })).toHaveAttribute('aria-pressed', 'true');

    // Maria's own entry never offers "This helped me"; she sees Ben's words in What I have shared.
    await maria.reload();
    await openSection(maria, 'What I have shared');
    const shared = maria.getByRole('article', { name: 'Hamburg warehouse wants a pilot' });
    await expect(shared.getByRole('list', { name: 'Thank-yous for this entry' })).toContainText('Ben Okafor: This got me through the Hamburg call');
    await expect(shared.getByRole('button', { name: 'This helped me' })).toHaveCount(0);
    // Dev, a manager, does not see the thank-you.
    expect((await dev.from('entry_thanks').select('note')).data).toEqual([]);
  } finally {
    await second.close();
  }
});
