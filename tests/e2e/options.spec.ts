import { adminClient } from './backend';
import { expect, test } from './extension';
import { connectToTestStack, createOrganization, openOptions, openSection, signInWithCode } from './session';

test('a new user connects, signs in with an emailed code and creates an organization', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await connectToTestStack(options);
  const email = `ana+${Date.now()}@highcard.example`;
  await signInWithCode(options, email);
  await createOrganization(options, 'Northwind Sales');

  const admin = adminClient();
  const { data: orgs, error } = await admin.from('organizations').select('id, name').eq('name', 'Northwind Sales');
  expect(error).toBeNull();
  expect(orgs).toHaveLength(1);
  const { data: members } = await admin.from('memberships').select('role').eq('org_id', orgs![0]!.id);
  expect(members).toEqual([{ role: 'admin' }]);
});

test('a connection to something that is not a Supabase API is refused in plain words', async ({ context, extensionId }) => {
  const options = await openOptions(context, extensionId);
  await openSection(options, 'Connection');
  await options.getByLabel('Supabase URL').fill('http://127.0.0.1:9');
  await options.getByLabel('Anon key').fill('x'.repeat(40));
  await options.getByRole('button', { name: 'Test connection' }).click();
  await expect(options.getByRole('alert')).toHaveText(
    'Could not reach http://127.0.0.1:9. Check the address and that the server is running.',
  );
});

test('the panel’s Sign in opens Settings at sign-in, and the address keeps the section', async ({ context, extensionId }) => {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const opened = context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Sign in' }).click();
  const settings = await opened;
  await settings.waitForLoadState();
  expect(new URL(settings.url()).hash).toBe('#sign-in');
  await expect(settings.getByRole('heading', { level: 2, name: 'Account' })).toBeVisible();
  await expect(settings.getByLabel('Email')).toBeVisible();

  await openSection(settings, 'Connection');
  expect(new URL(settings.url()).hash).toBe('#connection');
  await settings.reload();
  await expect(settings.getByRole('heading', { level: 2, name: 'Connection' })).toBeVisible();
});

test('asked for a section while Settings is open, Highcard shows it there instead of opening another tab', async ({ context, extensionId }) => {
  const settings = await openOptions(context, extensionId);
  await openSection(settings, 'Connection');
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const tabs = context.pages().length;
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(settings.getByRole('heading', { level: 2, name: 'Account' })).toBeVisible();
  expect(new URL(settings.url()).hash).toBe('#sign-in');
  expect(context.pages()).toHaveLength(tabs);
});
