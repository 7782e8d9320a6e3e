import { openExtensionPage } from '../../../utils/open-page';
import type { SectionProps } from './types';

/** Where Settings leads to the team's trend lines: what Insights shows, and the way there. */
export function InsightsSection(_props: SectionProps) {
  return (
    <>
      <p>
        What customers are telling your team, week by week: every signal as a small chart, what changed in the last
        four weeks, and the entries behind any week.
      </p>
      <p class="hc-muted">It is about customers and signals only: nothing in it counts or ranks people.</p>
      <div class="hc-row">
        <button type="button" onClick={() => void openExtensionPage('/insights.html')}>
          Open Insights
        </button>
      </div>
    </>
  );
}
