import { formatWhen } from '../utils/format';
import type { ThankYou } from '../utils/messages';

/** On the author's own entry: each thank-you with who sent it and their note ("Ben: this
 * got me through the Hamburg call"). One by one and never totalled (pact rule 10). */
export function ThanksReceived({ thanks }: { thanks: readonly ThankYou[] }) {
  if (!thanks.length) return null;
  return (
    <ul class="hc-thanks-received" aria-label="Thank-yous for this entry">
      {thanks.map((item) => {
        const name = item.from_name ?? 'A former colleague';
        return (
          <li key={item.from_user}>
            {item.note ? `${name}: ${item.note}` : `${name} said this helped them.`}{' '}
            <time class="hc-muted" dateTime={item.created_at}>
              {formatWhen(item.created_at)}
            </time>
          </li>
        );
      })}
    </ul>
  );
}
