import { describe, expect, it } from 'vitest';
import type { DraftSeed } from '../../../../utils/preview';
import { selectedPartOf, selectionFingerprint, sourceHolding } from '../../../../utils/panel/selection-source';
import type { SourceItem } from '../../../../utils/panel/types';
import { seedOf } from '../../../../utils/panel/types';

function source(key: string, body: string, notice?: string): SourceItem {
  const seed: DraftSeed = {
    kind: 'email',
    sourceRef: key,
    sourceUrl: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmqFbbRLRBZwMFbWvVxm',
    occurredAt: '2026-11-20T09:41:00+01:00',
    title: 'Pilot pricing',
    body,
    contacts: [{ full_name: 'Mia Schmidt', email: 'mia@acme.example' }],
    contactIndex: 0,
  };
  return { key, label: key, detail: null, seed, ...(notice && { notice }) };
}

const SOURCES = [
  source('msg-f:1', 'Hi Ana,\n\nthe price works.\nBest, Mia'),
  source('msg-f:2', 'Hi Mia,\n\nwe need SSO by March.\nIf not, we wait.\n\nJonas'),
  source('msg-f:3', 'collapsed', 'Open this message first'),
];

describe('Add selection in a thread', () => {
  it('finds the message holding the selection, across its line breaks', () => {
    expect(sourceHolding(SOURCES, 'we need SSO by March. If not,', null)?.key).toBe('msg-f:2');
    expect(sourceHolding(SOURCES, 'something the page says elsewhere', null)).toBeNull();
    expect(sourceHolding(SOURCES, 'collapsed', null)).toBeNull();
    expect(sourceHolding(SOURCES, '  ', null)).toBeNull();
  });

  it('files only the selected part with the message’s customer and date, as an entry of its own', () => {
    const part = selectedPartOf(SOURCES[1]!, '  we need SSO by March.\nIf not, we wait. ');
    const seed = seedOf(part, null) as DraftSeed;
    expect(seed).toMatchObject({
      kind: 'email',
      body: 'we need SSO by March.\nIf not, we wait.',
      contacts: [{ full_name: 'Mia Schmidt', email: 'mia@acme.example' }],
      occurredAt: '2026-11-20T09:41:00+01:00',
    });
    expect(seed.sourceRef).toBe(part.key);
    expect(part.key).toMatch(/^msg-f:2#selection-[0-9a-f]{16}$/);
    // The same part again is the same entry; another part is another one.
    expect(selectedPartOf(SOURCES[1]!, 'we need SSO by March. If not, we wait.').key).toBe(part.key);
    expect(selectedPartOf(SOURCES[1]!, 'we wait').key).not.toBe(part.key);
    expect(selectionFingerprint('a')).not.toBe(selectionFingerprint('b'));
  });
});
