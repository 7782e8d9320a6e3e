import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAccountEmail, readOpenThread } from '../../../../utils/capture/gmail';
import { readConversation, readProfile, readViewerName } from '../../../../utils/capture/linkedin';
import type { LookupResult } from '../../../../utils/messages';
import type { DraftSeed } from '../../../../utils/preview';
import { conversationView, gmailView, jobChanged, profileSourceRef, profileView } from '../../../../utils/panel/site-views';
import { seedOf } from '../../../../utils/panel/types';

const doc = (path: string) => new DOMParser().parseFromString(readFileSync(`tests/fixtures/${path}`, 'utf8'), 'text/html');
const plusOne = () => 60;
const asSeed = (value: DraftSeed | { problem: string }): DraftSeed => {
  if ('problem' in value) throw new Error(value.problem);
  return value;
};
const THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm';

describe('the Gmail view', () => {
  const page = doc('gmail/thread-expanded-and-collapsed.html');
  const thread = readOpenThread(page, { timeZoneOffset: plusOne })!;
  const me = readAccountEmail(page);
  const view = gmailView(thread, { url: THREAD_URL, me });

  it('knows whose mailbox it is', () => {
    expect(me).toBe('ana.ruiz@lumen-logistics.example');
  });

  it('asks the lookup about everyone in the thread but the rep', () => {
    expect(view.lookup).toEqual({
      emails: ['mia.schmidt@acme-robotics.example', 'jonas.weber@acme-robotics.example', 'priya.nair@lumen-logistics.example'],
      linkedinUrl: null,
      // The first customer's name, so the team's namesakes can be offered ("Is this …?").
      fullName: 'Mia Schmidt',
      // Gmail named the mailbox's owner, so only the rep is left out, not their domain.
      ownAddressUnknown: false,
    });
    expect(view.subject).toBe('acme-robotics.example');
  });

  it('offers every message with an id, keyed by its Gmail message id', () => {
    expect(view.sources.map((s) => s.key)).toEqual([
      'msg-f:1849210331458801234',
      'msg-f:1849298765432101234',
      'msg-f:1849470318523456789',
      'msg-f:1849560000123456789',
    ]);
  });

  it('previews the customer’s message with the customer first and the rep left out', () => {
    const seed = asSeed(seedOf(view.sources[3]!, null));
    expect(seed).toMatchObject({
      kind: 'email',
      sourceRef: 'msg-f:1849560000123456789',
      sourceUrl: THREAD_URL,
      occurredAt: '2026-11-20T09:41:00+01:00',
      title: 'Acme Robotics — pilot rollout for the Hamburg warehouse',
      contactIndex: 0,
    });
    expect(seed.contacts.map((c) => c.email)).toEqual([
      'mia.schmidt@acme-robotics.example',
      'jonas.weber@acme-robotics.example',
      'priya.nair@lumen-logistics.example',
    ]);
    expect(seed.body.startsWith('Hi Ana,\n\nthanks for the quick answers.')).toBe(true);
  });

  it('asks the rep to open a collapsed message instead of filing its snippet', () => {
    expect(seedOf(view.sources[1]!, null)).toEqual({
      problem: 'Open this message in Gmail first, so Highcard can read what it says.',
    });
  });
});

describe('the LinkedIn views', () => {
  const url = 'https://www.linkedin.com/in/lena-brandt-7a3b21/';
  const page = doc('linkedin/profile-classic.html');
  const profile = readProfile(page, url)!;

  it('files a profile as it was: its URL and the job it showed', () => {
    expect(profileSourceRef(profile)).toBe('https://www.linkedin.com/in/lena-brandt-7a3b21|Acme Robotics|' + profile.currentTitle);
  });

  it('suggests a job change when the team knows another company, and never chooses it', () => {
    const view = profileView(profile, { url });
    const known: LookupResult = {
      contacts: [{ id: 'c1', full_name: 'Lena Brandt', linkedin_url: profile.profileUrl, company: 'Northwind Freight' }],
      accounts: [],
      entries: [],
      people: [],
      candidates: [],
    };
    const seed = asSeed(seedOf(view.sources[0]!, known));
    expect(seed.suggestedSignals).toEqual(['job_change']);
    expect(asSeed(seedOf(view.sources[0]!, null)).suggestedSignals).toEqual([]);
    expect(view.lookup).toEqual({ emails: [], linkedinUrl: 'https://www.linkedin.com/in/lena-brandt-7a3b21', fullName: 'Lena Brandt' });
  });

  it('offers a free-text note about the person, with no source', () => {
    const view = profileView(profile, { url });
    const note = asSeed(seedOf(view.extraSources![0]!, null));
    expect(note).toMatchObject({ kind: 'note', sourceRef: null, body: '', title: 'Note about Lena Brandt' });
  });

  it('treats company names that differ only in case or punctuation as the same job', () => {
    expect(jobChanged('Acme Robotics GmbH', 'acme robotics gmbh')).toBe(false);
    expect(jobChanged('Acme Robotics', 'Northwind')).toBe(true);
    expect(jobChanged(null, 'Northwind')).toBe(false);
  });

  it('leaves the rep out of a conversation’s customers', () => {
    const threadUrl = 'https://www.linkedin.com/messaging/thread/2-ZTk4YjNmMmEtNGQ1Yy00ZTZmLWI3YTgtOWMwZDFlMmYzYTRiXzEwMA==/';
    const chat = doc('linkedin/messaging-thread.html');
    const options = { now: new Date('2025-11-27T10:00:00+01:00'), timeZoneOffsetMinutes: 60 };
    const conversation = readConversation(chat, threadUrl, options)!;
    const viewer = readViewerName(chat);
    expect(viewer).toBe('Dana Whitfield');
    const view = conversationView(conversation, { url: threadUrl, viewer });
    expect(view.lookup.linkedinUrl).toBe('https://www.linkedin.com/in/lena-brandt-7a3b21');
    const fromDana = view.sources.find((s) => s.label.startsWith('Dana Whitfield'))!;
    const seed = asSeed(seedOf(fromDana, null));
    expect(seed.contacts.map((c) => c.full_name)).not.toContain('Dana Whitfield');
    const fromLena = asSeed(seedOf(view.sources[0]!, null));
    expect(fromLena).toMatchObject({ kind: 'linkedin_message', title: 'LinkedIn message from Lena Brandt', contactIndex: 0 });
    expect(fromLena.contacts[0]).toEqual({ full_name: 'Lena Brandt', linkedin_url: 'https://www.linkedin.com/in/lena-brandt-7a3b21' });
  });
});
