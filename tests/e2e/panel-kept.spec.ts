// The panel's honest states against the local stack: an account opened once paints
// again from the answer kept in this browser; offline it stays, with its age, never a blank
// "Loading…" or the browser's fetch error.
import { expect, test } from './extension';
import { allSent, message, openPopup } from './people';
import { openNewTeam } from './session';

test('offline, the panel shows the account it saw last, with its age', async ({ context, extensionId }) => {
  const stamp = Date.now();
  const account = `Acme Robotics ${stamp}`;
  const ana = await openNewTeam(context, extensionId, `ana+${stamp}@lumen-logistics.example`, `Lumen ${stamp}`);
  const { activeOrgId } = await message<{ activeOrgId: string }>(ana, 'session.get', {});
  await message(ana, 'capture.file', {
    capture: {
      id: crypto.randomUUID(),
      org_id: activeOrgId,
      kind: 'email',
      source_ref: `msg-kept-${stamp}`,
      occurred_at: new Date(Date.now() - 3_600_000).toISOString(),
      title: 'Wants the volume tier',
      body: '38 robots at the volume tier works for us.',
      signals: ['pricing'],
      contact: { full_name: 'Mia Schmidt', email: `mia.${stamp}@acme-robotics.example` },
      account: { name: account, domain: `acme-${stamp}.example` },
    },
  });
  await allSent(ana);

  const online = await openPopup(context, extensionId);
  await online.getByRole('combobox', { name: 'Find an account' }).fill(account);
  await online.getByRole('option', { name: new RegExp(account) }).click();
  await expect(online.getByRole('article', { name: 'Wants the volume tier' })).toBeVisible();
  await online.close();

  await context.setOffline(true);
  const offline = await openPopup(context, extensionId);
  await offline.getByRole('button', { name: account }).click();
  await expect(offline.getByRole('heading', { name: account })).toBeVisible();
  await expect(offline.getByText(/^You're offline — showing what Highcard saw (just now|\d+ seconds? ago|1 minute ago)$/)).toBeVisible();
  await expect(offline.getByRole('article', { name: 'Wants the volume tier' })).toBeVisible();
  await expect(offline.getByText(/^You’re offline\. What Highcard kept shows with its age/)).toBeVisible();
  // The overview and the timeline, whose answers were kept (other panels ask the server).
  for (const part of [offline.getByRole('region', { name: account }), offline.getByRole('region', { name: 'Timeline' })]) {
    await expect(part).toBeVisible();
    await expect(part).not.toContainText('Failed to fetch');
  }
  await expect(offline.getByRole('alert').filter({ hasText: 'nothing kept' })).toHaveCount(0);
  await context.setOffline(false);
});
