// One throwaway local stack for the whole end-to-end run: in memory, on spare ports, so a
// developer's own `npm run dev` stack on 54321 is neither needed nor disturbed.
import { startStack } from '../../supabase/local/stack';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack({ dataDir: null, apiPort: 0, dbPort: 0, log: () => {} });
  process.env.HIGHCARD_E2E_API_URL = stack.apiUrl;
  process.env.HIGHCARD_E2E_ANON_KEY = stack.anonKey;
  process.env.HIGHCARD_E2E_SERVICE_KEY = stack.serviceRoleKey;
  return () => stack.stop();
}
