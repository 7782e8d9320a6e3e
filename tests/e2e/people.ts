// Helpers for specs with several colleagues: a second browser joined to the team, the popup,
// profiles, invites, and messages to the background as an extension page sends them.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { BrowserContext, Page } from '@playwright/test';
import WebSocket from 'ws';
import { latestCode, stackInfo } from './backend';
import { expect } from './extension';
import { connectToTestStack, openOptions, openSection, signInWithCode } from './session';

interface Runtime {
  sendMessage(message: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }>;
}

/** Sends a message to the background from an extension page, as the popup would. */
export async function message<T = unknown>(page: Page, type: string, payload: unknown): Promise<T> {
  const result = await page.evaluate(
    ([type, payload]) =>
      (globalThis as unknown as { chrome: { runtime: Runtime } }).chrome.runtime.sendMessage({ type, payload }),
    [type, payload] as const,
  );
  if (!result.ok) throw new Error(`${type}: ${result.error}`);
  return result.data as T;
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 900 });
  await popup.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  return popup;
}

export async function saveProfile(options: Page, displayName: string, department: string): Promise<void> {
  await openSection(options, 'Organization');
  await options.getByLabel('Display name').fill(displayName);
  await options.getByLabel('Department').fill(department);
  await options.getByRole('button', { name: 'Save profile' }).click();
  await expect(options.getByRole('status')).toHaveText('Profile saved.');
}

export async function inviteCode(options: Page): Promise<string> {
  await openSection(options, 'People');
  await options.getByRole('button', { name: 'Create invitation' }).click();
  const code = options.getByLabel('Invite code');
  await expect(code).not.toBeEmpty();
  return (await code.textContent())!.trim();
}

/** A colleague's browser: connected, signed in by code, joined with `code`, profile saved. */
export async function joinTeam(
  context: BrowserContext,
  extensionId: string,
  person: { email: string; displayName: string; department: string },
  code: string,
  orgName: string,
): Promise<Page> {
  const options = await openOptions(context, extensionId);
  await connectToTestStack(options);
  await signInWithCode(options, person.email);
  await openSection(options, 'Organization');
  await options.getByLabel('Invite code', { exact: true }).fill(code);
  await options.getByRole('button', { name: 'Join organization' }).click();
  await expect(options.getByRole('radio', { name: new RegExp(orgName) })).toBeChecked();
  await saveProfile(options, person.displayName, person.department);
  return options;
}

/** Waits until everything filed in this browser has reached the server. */
export async function allSent(page: Page): Promise<void> {
  await expect
    .poll(async () => (await message<Array<{ status: string }>>(page, 'outbox.list', {})).filter((i) => i.status !== 'sent').length, {
      timeout: 30_000,
    })
    .toBe(0);
}

/** The API as a member sees it, signed in by an email code outside the browser: what the
 * server would tell this person, whatever the extension shows. */
export async function apiAs(email: string): Promise<SupabaseClient> {
  const { apiUrl, anonKey } = stackInfo();
  const client = createClient(apiUrl, anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
  });
  expect((await client.auth.signInWithOtp({ email })).error).toBeNull();
  const { error } = await client.auth.verifyOtp({ email, token: await latestCode(email), type: 'email' });
  expect(error).toBeNull();
  return client;
}
