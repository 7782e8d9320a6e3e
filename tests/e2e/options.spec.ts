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
