// "Bring to a colleague" for every page that shows entries (the panel, Insights): the two
// messages it needs, as two handlers the page hands to the control with each entry row
// (entrypoints/sidepanel/EntryControls.tsx). The control calls the handlers; it never messages.
import type { RoutingActions } from './for-you';
import { send } from './send';

export const routeActions: RoutingActions = {
  recipients: () => send('route.recipients', {}),
  bring: ({ interactionId, target, note }) =>
    send('route.send', {
      interactionId,
      toUser: 'toUser' in target ? target.toUser : null,
      toDepartment: 'toDepartment' in target ? target.toDepartment : null,
      note,
    }),
};
