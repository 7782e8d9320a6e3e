// The policy IT set (browser.storage.managed), read once per worker and again when it
// changes. No managed storage (Firefox without policies, a browser that refuses) means no
// policy, never an error.
import { browser } from 'wxt/browser';
import { NO_POLICY, readPolicyValues, type Policy } from '../policy';
import { connectionItem, settingsItem, type Connection, type Settings } from '../storage';

let cached: Promise<Policy> | null = null;
let listening = false;

async function load(): Promise<Policy> {
  try {
    const managed = browser.storage?.managed;
    if (!managed) return NO_POLICY;
    return readPolicyValues((await managed.get(null)) as Record<string, unknown>);
  } catch {
    return NO_POLICY;
  }
}

export function readPolicy(): Promise<Policy> {
  if (!listening && browser.storage?.onChanged) {
    listening = true;
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') cached = null;
    });
  }
  cached ??= load();
  return cached;
}

/** Forget what was read (tests, and a policy pushed while the worker runs). */
export function forgetPolicy(): void {
  cached = null;
}

/** The backend to talk to: the policy's when it sets one, else the user's choice. */
export async function currentConnection(policy?: Policy): Promise<Connection> {
  const managed = (policy ?? (await readPolicy())).connection;
  return managed ?? connectionItem.getValue();
}

/** The user's settings with what the policy decides applied. */
export async function currentSettings(policy?: Policy, stored?: Settings): Promise<Settings> {
  const settings = stored ?? (await settingsItem.getValue());
  const mode = (policy ?? (await readPolicy())).lookupMode;
  return mode ? { ...settings, autoLookup: mode === 'auto' } : settings;
}
