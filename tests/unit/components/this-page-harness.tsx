// "This page" as the side panel renders it: the session asked as the panel does, the model from
// useThisPage, the component. Tests answer the messages (fake-send.ts).
import { ThisPage } from '../../../components/ThisPage';
import type { SiteView } from '../../../utils/panel/types';
import { useSession } from '../../../utils/panel/use-session';
import { useThisPage } from '../../../utils/panel/use-this-page';

export function ThisPageHarness({ view }: { view: SiteView }) {
  const { session } = useSession(view.id);
  const model = useThisPage({ tabId: 1, view, session, reread: async () => null });
  return <ThisPage {...model} />;
}
