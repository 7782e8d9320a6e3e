// Filing one capture (file_interaction): what the outbox sends. Its answer says what the
// outbox does next rather than throwing.
import type { Capture } from '../../messages';
import { fileResultSchema } from '../../messages';
import type { SendOutcome } from '../../outbox';
import type { Client } from '../supabase';
import { classify } from './answer';

/** `filedBy`: the user who filed the capture. Another person's session never sends it (the
 * entry would be theirs): it answers as signed out, and the item waits for its author. */
export async function fileInteraction(client: Client, capture: Capture, filedBy: string | null = null): Promise<SendOutcome> {
  const { data: session } = await client.auth.getSession();
  if (!session.session) {
    return { kind: 'unauthorized', message: 'You are signed out — sign in; your items are kept and will be sent.' };
  }
  if (filedBy !== null && session.session.user.id !== filedBy) {
    return { kind: 'unauthorized', message: 'Filed by someone else; it waits for them to sign in here.' };
  }
  const answer = await client.rpc('file_interaction', { capture });
  if (answer.error) return classify(answer);
  const parsed = fileResultSchema.safeParse(answer.data);
  if (!parsed.success) return { kind: 'unavailable', message: 'The server answered in an unexpected shape.' };
  return { kind: 'sent', result: parsed.data };
}
