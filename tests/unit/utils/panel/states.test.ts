import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../../utils/messages';
import { errorForRep, filedStateText, justFiledMeta, nextTryText, offlineLine, othersWaitingLine, sessionEnded, sessionEndedLine, signOutWarning, tabViewProblem } from '../../../../utils/panel/states';

const NOW = Date.UTC(2026, 10, 29, 12);
const item = (overrides: Partial<OutboxItem>): OutboxItem =>
  ({ id: 'i', capture: {}, status: 'pending', attempts: 0, nextAttemptAt: null, error: null, createdAt: 0, updatedAt: 0, result: null, ...overrides }) as OutboxItem;

describe('honest states', () => {
  it('says offline with how many items wait', () => {
    expect(offlineLine(1)).toBe("You're offline — 1 item will be sent when you're back");
    expect(offlineLine(3)).toBe("You're offline — 3 items will be sent when you're back");
  });

  it('never shows the browser’s fetch error: the failure’s kind chooses the words, not its text', () => {
    expect(errorForRep('TypeError: Failed to fetch', true, 'unreachable')).toBe("Server unreachable — Highcard can't reach your team's server right now.");
    expect(errorForRep('TypeError: Failed to fetch', true, 'offline')).toBe("You're offline — this shows again when you're back.");
    expect(errorForRep('org_id: you are not a member', true, 'refused')).toBe('org_id: you are not a member');
    // A refusal that happens to mention the network is still a refusal.
    expect(errorForRep('This invite is for offline use only', true, 'refused')).toBe('This invite is for offline use only');
  });

  it('says a server that does not answer differently from having no network', () => {
    expect(errorForRep('x', true, 'unreachable')).not.toBe(errorForRep('x', true, 'offline'));
    expect(errorForRep('Server said no', false, 'refused')).toBe("You're offline — this shows again when you're back.");
  });

  it('says an ended session with how many filed items wait for it', () => {
    expect(sessionEndedLine(1)).toBe('Your session ended — 1 item waits to be sent');
    expect(sessionEndedLine(3)).toBe('Your session ended — 3 items wait to be sent');
    expect(sessionEndedLine(0)).toBe('Your session ended.');
  });

  it('calls it an ended session only when someone signed in in this browser before', () => {
    expect(sessionEnded({ user: null, signInMethod: 'code' })).toBe(true);
    expect(sessionEnded({ user: null, signInMethod: null })).toBe(false);
    expect(sessionEnded({ user: null })).toBe(false);
    expect(sessionEnded({ user: { id: 'me' }, signInMethod: 'password' })).toBe(false);
  });

  it('picks the words and the one thing to do for a tab it could not ask about by the failure’s kind', () => {
    expect(tabViewProblem('disconnected', 'Receiving end does not exist', true)).toEqual({
      text: 'Highcard was updated or restarted. Reload this panel to reconnect; nothing you filed is lost.',
      action: 'reload',
    });
    expect(tabViewProblem('not_found', 'No tab with id: 7', true)).toEqual({ text: 'The tab this panel showed is no longer there.', action: null });
    expect(tabViewProblem('unreachable', 'TypeError: Failed to fetch', true)).toEqual({
      text: "Server unreachable — Highcard can't reach your team's server right now.",
      action: 'retry',
    });
    expect(tabViewProblem('offline', 'TypeError: Failed to fetch', false).text).toBe("You're offline — this shows again when you're back.");
    expect(tabViewProblem('signed_out', 'JWT expired', true).text).toBe('Your session ended — sign in again to see this.');
    expect(tabViewProblem('refused', 'That tab is not one Highcard reads.', true)).toEqual({ text: 'That tab is not one Highcard reads.', action: 'retry' });
    expect(tabViewProblem('bug', 'Highcard’s background did not answer.', true).text).toBe(
      'Highcard could not read what this tab shows. Highcard’s background did not answer.',
    );
  });

  it('says an ended session as that, not as the server’s text', () => {
    expect(errorForRep('JWT expired', true, 'signed_out')).toBe('Your session ended — sign in again to see this.');
  });

  it('says what a filed item waits for and when it tries again', () => {
    expect(filedStateText(item({ createdAt: NOW - 1_000 }), NOW, true).text).toBe('Filed · sending');
    // Never "sending" forever.
    expect(filedStateText(item({ createdAt: NOW - 60_000, nextAttemptAt: NOW + 5_000 }), NOW, true).text).toBe(
      'Filed · kept in this browser, not sent yet; next try in 5 s',
    );
    expect(
      filedStateText(item({ attempts: 2, error: 'Failed to fetch', errorKind: 'offline', nextAttemptAt: NOW + 40_000 }), NOW, true).text,
    ).toBe('Filed · kept in this browser, waiting for the network; next try in 40 s');
    expect(
      filedStateText(item({ attempts: 1, error: 'HTTP 503', errorKind: 'unreachable', nextAttemptAt: NOW + 180_000 }), NOW, true).text,
    ).toBe('Filed · kept in this browser, waiting for the server; next try in 3 min');
    // The words of the error do not decide: "offline" in an unreachable server's answer is the server.
    expect(
      filedStateText(item({ attempts: 1, error: 'upstream offline', errorKind: 'unreachable', nextAttemptAt: NOW + 180_000 }), NOW, true).text,
    ).toBe('Filed · kept in this browser, waiting for the server; next try in 3 min');
    expect(filedStateText(item({}), NOW, false).text).toBe('Filed · kept in this browser, waiting for the network');
    expect(filedStateText(item({ status: 'waiting_for_sign_in' }), NOW, true).text).toBe(
      'Filed · waiting for you to sign in; sent as soon as you do',
    );
    expect(filedStateText(item({ status: 'sent' }), NOW, true)).toEqual({ text: 'Filed', tone: 'done' });
  });

  it('says when the next try is, in words', () => {
    expect(nextTryText(NOW + 2_000, NOW)).toBe('now');
    expect(nextTryText(NOW + 59_000, NOW)).toBe('in 59 s');
    expect(nextTryText(NOW + 14 * 60_000, NOW)).toBe('in 14 min');
  });
});

describe('the rep’s just-filed entry', () => {
  it('is marked by its state, not as a colleague’s entry', () => {
    expect(justFiledMeta(item({ createdAt: NOW }), NOW, true)).toBe('By you · sending');
    expect(justFiledMeta(item({ status: 'sent' }), NOW, true)).toBe('By you · on record');
  });
});

describe('items of other people in this browser', () => {
  it('are said as how many and whose, never what they say', () => {
    expect(othersWaitingLine([])).toBeNull();
    expect(othersWaitingLine([{ email: 'ana@acme.example', count: 1 }])).toBe('1 item filed by ana@acme.example waits for them to sign in here.');
    expect(othersWaitingLine([{ email: 'ana@acme.example', count: 2 }, { email: null, count: 3 }])).toBe(
      '2 items filed by ana@acme.example wait for them to sign in here. 3 items filed before Highcard recorded who filed them wait in this browser; they are not sent as anyone else.',
    );
  });

  it('are why the sign-out warning says only the author sends what waits', () => {
    expect(signOutWarning(2)).toBe(
      '2 items you filed have not reached the team yet. Signing out keeps them in this browser until you sign in again. They are sent only as yours: anyone else who signs in here sees only how many wait, and cannot send them.',
    );
  });
});
