// "This page" as the side panel renders it: the session asked as the panel does, the model from
// useThisPage, the component, and (when asked) the panel's entry controls. Tests answer the
// messages (fake-send.ts).
import { ThisPage } from '../../../components/ThisPage';
import { entryControls } from '../../../entrypoints/sidepanel/EntryControls';
import type { SiteView } from '../../../utils/panel/types';
import { useSession } from '../../../utils/panel/use-session';
import { useThisPage } from '../../../utils/panel/use-this-page';

export function ThisPageHarness({ view, withEntryControls = false }: { view: SiteView; withEntryControls?: boolean }) {
  const { session } = useSession(view.id);
  const model = useThisPage({ tabId: 1, view, session, reread: async () => null });
  return <ThisPage {...model} entryActions={withEntryControls ? entryControls(session?.user?.id ?? null) : undefined} />;
}
