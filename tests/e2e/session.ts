// Getting a browser profile signed in and into an organization, through the options page
// exactly as a new user would.
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './extension';
import { latestCode, stackInfo } from './backend';

export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Highcard settings' })).toBeVisible();
  return page;
}

/** Settings shows one section at a time: choose it in the navigation, as a user does. */
export async function openSection(options: Page, title: string): Promise<void> {
  await options.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: title, exact: true }).click();
  await expect(options.getByRole('heading', { level: 2, name: title, exact: true })).toBeVisible();
}

export async function connectToTestStack(options: Page): Promise<void> {
  const { apiUrl, anonKey } = stackInfo();
  await openSection(options, 'Connection');
  await options.getByLabel('Supabase URL').fill(apiUrl);
  await options.getByLabel('Anon key').fill(anonKey);
  await options.getByRole('button', { name: 'Save connection' }).click();
  await expect(options.getByRole('status')).toHaveText(`Connected to ${apiUrl}.`);
}

export async function signInWithCode(options: Page, email: string): Promise<void> {
  await openSection(options, 'Account');
  await options.getByRole('button', { name: 'Email code' }).click();
  await options.getByLabel('Email').fill(email);
  await options.getByRole('button', { name: 'Send code' }).click();
  await expect(options.getByRole('status')).toHaveText(`We sent a code to ${email}.`);
  await options.getByLabel('Code from the email').fill(await latestCode(email));
  await options.getByRole('button', { name: 'Sign in with code' }).click();
  await expect(options.getByText(`Signed in as ${email}.`)).toBeVisible();
}

export async function createOrganization(options: Page, name: string): Promise<void> {
  await openSection(options, 'Organization');
  await options.getByLabel('Name', { exact: true }).fill(name);
  await options.getByRole('button', { name: 'Create organization' }).click();
  await expect(options.getByRole('radio', { name: new RegExp(name) })).toBeChecked();
}

/** A new user, connected to the test stack, signed in by code and admin of a new
 * organization; the options page stays open for more. */
export async function openNewTeam(context: BrowserContext, extensionId: string, email: string, organization: string): Promise<Page> {
  const options = await openOptions(context, extensionId);
  await connectToTestStack(options);
  await signInWithCode(options, email);
  await createOrganization(options, organization);
  return options;
}
