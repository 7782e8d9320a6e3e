import { describe, expect, it } from 'vitest';
import type { LookupResult } from '../../../../utils/messages';
import { openStepsFrom } from '../../../../utils/panel/open-steps';

const lookup = (fields: Partial<LookupResult>): LookupResult => ({ contacts: [], accounts: [], entries: [], people: [], ...fields });

describe('What is open with them, from the lookup', () => {
  it('quotes the entry each step came from when it is among the entries shown', () => {
    const result = lookup({
      entries: [{ id: 'e1', kind: 'email', title: 'Re: order form', body: ' We will sign\n by Friday. ', signals: [], occurred_at: '2026-12-01T10:00:00Z' }],
      open_steps: [
        { id: 's1', account_id: 'a1', side: 'theirs', body: 'Sign the order form', due_on: '2026-12-11', contact_name: 'Mia', taken_by_display_name: null, source_interaction_id: 'e1' },
        { id: 's2', account_id: 'a2', side: 'ours', body: 'Send the DPA', due_on: null, contact_name: null, taken_by_display_name: null, source_interaction_id: 'gone' },
      ],
    });
    expect(openStepsFrom(result).map((step) => [step.id, step.source_excerpt])).toEqual([
      ['s1', 'We will sign by Friday.'],
      ['s2', null],
    ]);
    expect(openStepsFrom(result, 'a2').map((step) => step.id)).toEqual(['s2']);
  });

  it('is empty for an answer kept from before plans existed', () => {
    expect(openStepsFrom(lookup({}))).toEqual([]);
    expect(openStepsFrom(null)).toEqual([]);
  });
});
