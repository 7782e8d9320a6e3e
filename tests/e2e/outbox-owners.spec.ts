// One browser, two people: what Ana filed and did not get sent before she signed out waits for
// her. Ben, her colleague signing in next in the same browser, sends only his own items and
// sees only how many of hers wait; when Ana signs in again hers go, once, as hers.
import { adminClient } from './backend';
import { expect, test } from './extension';
import { allSent, inviteCode, joinTeam, message, openPopup } from './people';
import { openNewTeam, openOptions, signInWithCode } from './session';

function note(orgId: string, ref: string, title: string) {
  return {
    id: crypto.randomUUID(),
    org_id: orgId,
    kind: 'email',
    source_ref: ref,
    occurred_at: new Date(Date.now() - 3_600_000).toISOString(),
    title,
    body: `${title}, in words only its author should file.`,
    signals: [],
    contact: { full_name: 'Mia Schmidt', email: `mia.${ref}@acme-robotics.example` },
  };
}

async function rows(ref: string) {
  const { data } = await adminClient().from('interactions').select('author_id, org_id').eq('source_ref', ref);
  return data;
}

test('items Ana filed wait for her when Ben signs in next in her browser, and go as hers when she is back', async ({ context, extensionId }) => {
  const stamp = Date.now();
  const ana = `ana.ruiz+${stamp}@lumen-logistics.example`;
  const ben = { email: `ben.okafor+${stamp}@lumen-logistics.example`, displayName: 'Ben', department: 'Sales' };
  const orgName = `Lumen ${stamp}`;
  const anasPage = await openNewTeam(context, extensionId, ana, orgName);
  const anaSession = await message<{ activeOrgId: string; user: { id: string } }>(anasPage, 'session.get', {});
  const code = await inviteCode(anasPage);

  await context.setOffline(true);
  await message(anasPage, 'capture.file', { capture: note(anaSession.activeOrgId, `msg-ana-${stamp}`, 'Ana’s unsent note') });
  await message(anasPage, 'session.signOut', {});
  await anasPage.close();
  await context.setOffline(false);

  const bensPage = await joinTeam(context, extensionId, ben, code, orgName);
  const benSession = await message<{ activeOrgId: string; user: { id: string } }>(bensPage, 'session.get', {});
  expect(benSession.activeOrgId).toBe(anaSession.activeOrgId);
  await message(bensPage, 'capture.file', { capture: note(benSession.activeOrgId, `msg-ben-${stamp}`, 'Ben’s own note') });
  await allSent(bensPage);
  expect(await rows(`msg-ben-${stamp}`)).toEqual([{ author_id: benSession.user.id, org_id: benSession.activeOrgId }]);
  expect(await rows(`msg-ana-${stamp}`)).toEqual([]);
  expect(await message(bensPage, 'outbox.others', {})).toEqual([{ email: ana, count: 1 }]);

  const panel = await openPopup(context, extensionId);
  await expect(panel.getByText(`1 item filed by ${ana} waits for them to sign in here.`)).toBeVisible();
  await expect(panel.getByText('Ana’s unsent note')).toHaveCount(0);
  await panel.close();

  await message(bensPage, 'session.signOut', {});
  await bensPage.close();
  const back = await openOptions(context, extensionId);
  await signInWithCode(back, ana);
  await allSent(back);
  expect(await rows(`msg-ana-${stamp}`)).toEqual([{ author_id: anaSession.user.id, org_id: anaSession.activeOrgId }]);
  expect(await message(back, 'outbox.others', {})).toEqual([]);
});
