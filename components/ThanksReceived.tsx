import { formatWhen } from '../utils/format';
import type { ThankYou } from '../utils/messages';

/** On the author's own entry: each thank-you labelled with who sent it and their note
 * ("Thanked by Ben: this got me through the Hamburg call"), so it reads apart from the
 * entry's own text. One by one and never totalled (pact rule 10). */
export function ThanksReceived({ thanks }: { thanks: readonly ThankYou[] }) {
  if (!thanks.length) return null;
  return (
    <ul class="hc-thanks-received" aria-label="Thank-yous for this entry">
      {thanks.map((item) => {
        const name = item.from_name ?? 'a former colleague';
        return (
          <li key={item.from_user}>
            {item.note ? `Thanked by ${name}: ${item.note}` : `Thanked by ${name}.`}{' '}
            <time class="hc-muted" dateTime={item.created_at}>
              {formatWhen(item.created_at)}
            </time>
          </li>
        );
      })}
    </ul>
  );
}
