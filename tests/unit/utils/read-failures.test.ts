import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { failureReport, MAX_READ_FAILURES, stampFailure, withFailure, type ReadFailure } from '../../../utils/read-failures';

const failure = (at: string, parts = ['MESSAGE']): ReadFailure => ({
  site: 'outlook',
  pageKind: 'conversation',
  parts,
  extensionVersion: '0.1.0',
  browser: 'Chrome/131',
  at,
});

beforeEach(() => fakeBrowser.reset());

describe('read failures kept in the browser', () => {
  it('keeps the newest 20, newest first', () => {
    let list: ReadFailure[] = [];
    for (let i = 0; i < 25; i += 1) list = withFailure(list, failure(new Date(Date.UTC(2026, 10, 1, i)).toISOString(), [`PART_${i}`]));
    expect(list).toHaveLength(MAX_READ_FAILURES);
    expect(list[0]?.parts).toEqual(['PART_24']);
    expect(list[19]?.parts).toEqual(['PART_5']);
  });

  it('records the same failure of a re-rendering page once, a new one again', () => {
    let list = withFailure([], failure('2026-11-20T10:00:00Z'));
    list = withFailure(list, failure('2026-11-20T10:01:00Z'));
    expect(list).toHaveLength(1);
    list = withFailure(list, failure('2026-11-20T10:02:00Z', ['SENDER']));
    list = withFailure(list, failure('2026-11-20T11:00:00Z', ['SENDER']));
    expect(list).toHaveLength(3);
  });

  it('keeps selector names only: anything that looks like page text is dropped', () => {
    const list = withFailure([], failure('2026-11-20T10:00:00Z', ['MESSAGE_BODY', 'Dear Ana, the price is', 'mia@acme.example', 'SENDER']));
    expect(list[0]?.parts).toEqual(['MESSAGE_BODY', 'SENDER']);
  });

  it('stamps a failure with the extension version, the browser and the date', () => {
    const stamped = stampFailure({ site: 'gmail', pageKind: 'thread', parts: ['MESSAGE'] }, new Date('2026-11-20T10:00:00Z'));
    expect(stamped).toMatchObject({ site: 'gmail', pageKind: 'thread', parts: ['MESSAGE'], at: '2026-11-20T10:00:00.000Z' });
    expect(stamped.extensionVersion).toBeTruthy();
    expect(stamped.browser).toBeTruthy();
  });

  it('writes a report without page content', () => {
    const report = failureReport([failure('2026-11-20T10:00:00.000Z', ['MESSAGE', 'DATE'])]);
    expect(report).toBe(
      'Highcard page reading: the last 1 failure\n- 2026-11-20T10:00:00.000Z · Outlook on the web conversation · could not read: MESSAGE, DATE · Highcard 0.1.0 · Chrome/131',
    );
    expect(failureReport([])).toMatch(/no failures/);
  });
});
