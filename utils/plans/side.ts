// Whose promise a sentence is: ours ("I'll send the pricing", "wir schicken ...") or theirs
// ("Jonas will send the store list", "Could you send ..."). Only a guess for the preview: the
// rep sees it and chooses, and when nothing gives it away the answer is null.
import type { PlanSide } from '../vocabulary';

/** Who wrote the sentence: one of us (the default), or the customer. In a customer's
 * message "I will" is their promise and "could you" is ours. */
export type SentenceAuthor = 'us' | 'customer';

export interface SideHints {
  author?: SentenceAuthor;
  /** Names of people at the customer (contacts' full names). */
  customerNames?: readonly string[];
  /** Names of colleagues (members' display names): "Ben will send the deck" is ours. */
  ourNames?: readonly string[];
}

type Speaker = 'first' | 'second' | 'third' | 'name';

const WILL = String.raw`(?:'ll|’ll|\s+(?:will|shall|can|could|would|am going to|are going to|is going to|plan to|promise to|promised to|intend to))`;
const DE_VERBS = String.raw`(?:werde|werden|wird|schicke|schicken|schickt|sende|senden|sendet|melde|melden|meldet|kümmere|kümmern|kümmert|liefere|liefern|liefert|rufe|rufen|ruft|bereite|bereiten|bereitet|kläre|klären|klärt|prüfe|prüfen|prüft)`;
// After a name only the third person singular: German capitalises every noun, and "Angebot
// schicken" is not someone named Angebot.
const DE_SINGULAR = String.raw`(?:wird|schickt|sendet|meldet|kümmert|liefert|ruft|bereitet|klärt|prüft)`;

// Each pattern finds a promise and says who makes it; the earliest in the sentence wins.
const PATTERNS: ReadonlyArray<{ pattern: RegExp; speaker: Speaker }> = [
  { pattern: new RegExp(String.raw`\b(?:I|we)${WILL}\b`, 'giu'), speaker: 'first' },
  { pattern: /\b(?:I'm|I’m|we're|we’re)\s+going\s+to\b/giu, speaker: 'first' },
  { pattern: /\blet(?:\s+me|\s+us|'s|’s)\b/giu, speaker: 'first' },
  { pattern: new RegExp(String.raw`\b(?:ich|wir)\s+${DE_VERBS}\b`, 'giu'), speaker: 'first' },
  { pattern: new RegExp(String.raw`\b${DE_VERBS}\s+(?:ich|wir)\b`, 'giu'), speaker: 'first' },
  { pattern: new RegExp(String.raw`\byou${WILL}\b`, 'giu'), speaker: 'second' },
  { pattern: /\b(?:could|can|would|will)\s+you\b/giu, speaker: 'second' },
  // "Sie" capitalised mid-sentence is the polite "you"; lower-case "sie" is "they".
  { pattern: /\b(?:[Kk]önnen|[Kk]önnten|[Ww]ürden|[Ww]erden)\s+Sie\b/gu, speaker: 'second' },
  { pattern: new RegExp(String.raw`(?<!^)(?<![.!?]\s*)\bSie\s+${DE_VERBS}\b`, 'gu'), speaker: 'second' },
  { pattern: new RegExp(String.raw`\b(?:he|she|they)${WILL}\b`, 'giu'), speaker: 'third' },
  { pattern: new RegExp(String.raw`\b(?:er|sie)\s+${DE_VERBS}\b`, 'gu'), speaker: 'third' },
  { pattern: new RegExp(String.raw`\b(\p{Lu}[\p{L}'’-]+)(?:${WILL}|\s+${DE_SINGULAR})\b`, 'gu'), speaker: 'name' },
];

// Capitalised words that are not people: "Monday will work", "This will help".
const NOT_NAMES = new Set(
  `i we you they he she it this that these those there here which what who everything nothing
   something everyone someone nobody monday tuesday wednesday thursday friday saturday sunday
   january february march april may june july august september october november december
   ich wir sie er es das dies dieser diese man montag dienstag mittwoch donnerstag freitag
   samstag sonntag`.split(/\s+/),
);

const nameWords = (names: readonly string[] = []) =>
  new Set(names.flatMap((name) => name.toLowerCase().split(/[\s,.]+/u)).filter((word) => word.length > 1));

function sideOfName(name: string, hints: SideHints): PlanSide | null {
  const word = name.toLowerCase();
  if (NOT_NAMES.has(word)) return null;
  const ours = nameWords(hints.ourNames).has(word);
  const theirs = nameWords(hints.customerNames).has(word);
  if (ours && theirs) return null;
  // Someone named who is not a colleague is, in a customer conversation, the customer's side.
  return ours ? 'ours' : 'theirs';
}

/** Who promised what the sentence says, or null when it does not say. */
export function guessSide(sentence: string, hints: SideHints = {}): PlanSide | null {
  const author = hints.author ?? 'us';
  let earliest: { index: number; side: PlanSide | null } | null = null;
  for (const { pattern, speaker } of PATTERNS) {
    for (const match of sentence.matchAll(pattern)) {
      let side: PlanSide | null;
      if (speaker === 'first') side = author === 'us' ? 'ours' : 'theirs';
      else if (speaker === 'second') side = author === 'us' ? 'theirs' : 'ours';
      else if (speaker === 'third') side = 'theirs';
      else side = sideOfName(match[1]!, hints);
      if (side === null) continue;
      if (!earliest || match.index < earliest.index) earliest = { index: match.index, side };
      break;
    }
  }
  return earliest?.side ?? null;
}
