import { useState } from 'preact/hooks';
import type { Result } from '../utils/messages';

/** One pending action at a time, with the server's refusal kept to show beside the control. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<Result<unknown>>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await action();
    setBusy(false);
    if (!result.ok) setError(result.error);
    return result.ok;
  };
  return { busy, error, setError, run };
}
