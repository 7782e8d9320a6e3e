// Gmail's reader is run into a tab by the background after it checked the tab's URL; the tab may
// have gone to another site by then, and there the reader must not take the page over.
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import reader from '../../../../entrypoints/gmail-reader/index';
import { readerClaimKey, readerRuns } from '../../../../utils/panel/reader-claim';

const at = (url: string) => (window as unknown as { happyDOM: { setURL: (url: string) => void } }).happyDOM.setURL(url);

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[readerClaimKey('gmail')];
  fakeBrowser.reset();
});

describe('Gmail’s reader run into a tab', () => {
  it('does nothing in a page that is not Gmail’s, where the tab went after the background checked it', () => {
    at('https://www.linkedin.com/in/mia-lopez/');
    void reader.main();
    expect(readerRuns('gmail')).toBe(false);
  });

  it('takes over a Gmail page', () => {
    at('https://mail.google.com/mail/u/0/#inbox');
    void reader.main();
    expect(readerRuns('gmail')).toBe(true);
  });
});
