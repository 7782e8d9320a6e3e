import { formatWhen } from '../utils/format';
import type { AccountOverview } from '../utils/messages';

/** What the team knows about an account at a glance: a few facts above its timeline (the
 * signal charts fold below it, so the first entry is in view). */
export function AccountOverviewPanel({ overview }: { overview: AccountOverview }) {
  return (
    <section class="hc-overview" aria-labelledby="overview-title">
      <h2 id="overview-title" class="hc-h2">
        {overview.name}
      </h2>
      <dl class="hc-facts">
        {overview.domains.length ? (
          <>
            <dt>Domains</dt>
            <dd>{overview.domains.join(', ')}</dd>
          </>
        ) : null}
        <dt>Contacts</dt>
        <dd>{overview.contact_count === 1 ? '1 person known' : `${overview.contact_count} people known`}</dd>
        <dt>Last activity</dt>
        <dd>{overview.last_activity_at ? formatWhen(overview.last_activity_at, true) : 'Nothing filed yet'}</dd>
      </dl>
    </section>
  );
}
