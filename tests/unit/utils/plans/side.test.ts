import { describe, expect, it } from 'vitest';
import { guessSide } from '../../../../utils/plans/side';

describe('guessing whose promise a sentence is', () => {
  it('reads our own promises in the first person', () => {
    for (const sentence of [
      'I’ll send the annual pricing on Monday',
      "I'll send the annual pricing on Monday",
      'We will set up the pilot for 40 seats',
      'we’re going to fix the export',
      'Let me check with legal and come back to you',
      'Ich schicke Ihnen das Angebot morgen',
      'Das Angebot schicken wir bis Freitag',
      'Wir werden den Export reparieren',
    ]) expect({ sentence, side: guessSide(sentence) }).toEqual({ sentence, side: 'ours' });
  });

  it('reads the customer’s promises: asked of them, by a name, or by they', () => {
    for (const sentence of [
      'Jonas will send the store list by Friday',
      'Could you send us the signed PO?',
      'You will get the budget approved next week, right?',
      'They are going to decide in January',
      'Können Sie uns die Liste schicken?',
      'Frau Weber wird die Liste schicken',
    ]) expect({ sentence, side: guessSide(sentence) }).toEqual({ sentence, side: 'theirs' });
  });

  it('knows colleagues from customers by name', () => {
    const hints = { ourNames: ['Ben Richter', 'Ana'], customerNames: ['Jonas Weber'] };
    expect(guessSide('Ben will send the deck', hints)).toBe('ours');
    expect(guessSide('Jonas will send the list', hints)).toBe('theirs');
    expect(guessSide('Weber will sign it', hints)).toBe('theirs');
    expect(guessSide('Ana will send the deck', { ourNames: ['Ana'], customerNames: ['Ana Lopez'] })).toBeNull();
  });

  it('turns the persons round in a sentence the customer wrote', () => {
    expect(guessSide('I will send the store list tomorrow', { author: 'customer' })).toBe('theirs');
    expect(guessSide('Could you send the pricing?', { author: 'customer' })).toBe('ours');
    expect(guessSide('Wir schicken die Liste am Montag', { author: 'customer' })).toBe('theirs');
  });

  it('takes the first promise in the sentence', () => {
    expect(guessSide('We will send the draft and Jonas will sign it')).toBe('ours');
    expect(guessSide('Jonas will sign once we will have sent the draft')).toBe('theirs');
  });

  it('leaves the choice to the rep when nothing gives it away', () => {
    for (const sentence of [
      'The pricing for 40 seats',
      'Monday will work for the call',
      'This will help a lot',
      'Sie schicken die Liste',
      '',
    ]) expect({ sentence, side: guessSide(sentence) }).toEqual({ sentence, side: null });
  });
});
