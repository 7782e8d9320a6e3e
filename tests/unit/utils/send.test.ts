import { describe, expect, it } from 'vitest';
import { sendFailure } from '../../../utils/send';

const RELOAD = 'Highcard was updated or restarted. Reload the page to reconnect; nothing you filed is lost.';

describe('a message the background never answered', () => {
  it('asks for a reload only when the page really lost its extension', () => {
    expect(sendFailure(new Error('Extension context invalidated.'), 'id')).toEqual({ ok: false, error: RELOAD, kind: 'disconnected' });
    expect(sendFailure(new Error('Could not establish connection. Receiving end does not exist.'), 'id')).toEqual({
      ok: false,
      error: RELOAD,
      kind: 'disconnected',
    });
    // After an update the old page's runtime has no id any more, whatever the error says.
    expect(sendFailure(new TypeError("Cannot read properties of undefined (reading 'sendMessage')"), undefined)).toMatchObject({
      kind: 'disconnected',
    });
  });

  it('says any other failure as it is, as a bug, not as an update', () => {
    expect(sendFailure(new Error('The object could not be cloned.'), 'id')).toEqual({
      ok: false,
      error: 'Highcard could not ask its background (The object could not be cloned.).',
      kind: 'bug',
    });
  });
});
