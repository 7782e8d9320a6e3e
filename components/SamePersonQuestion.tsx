import type { Candidate } from '../utils/messages';
import { samePersonQuestion } from '../utils/merge';

interface Props {
  candidate: Candidate;
  /** "Same person": the next filing goes on this contact and links what is in view to it. */
  onSame: () => void;
  /** "Someone else": filed as a new person, as without the question. */
  onElse: () => void;
}

/** Asked when the person in view is unknown by address or profile but the team knows someone
 * of the same name. Never answered for the rep: nothing is linked until they say so and file. */
export function SamePersonQuestion({ candidate, onSame, onElse }: Props) {
  const question = samePersonQuestion(candidate);
  return (
    <div role="group" aria-label={question} class="hc-same-person">
      <p class="hc-same-person__question">{question}</p>
      <div class="hc-row">
        <button type="button" class="hc-primary" onClick={onSame}>
          Same person
        </button>
        <button type="button" onClick={onElse}>
          Someone else
        </button>
      </div>
    </div>
  );
}
