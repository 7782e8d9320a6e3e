// "Bring to a colleague" for every page that shows entries (the panel, Insights):
// the two messages it needs, handed to components through RoutingContext.
import type { RoutingActions } from './for-you';
import { send } from './send';

export const routeActions: RoutingActions = {
  recipients: () => send('route.recipients', {}),
  send: ({ interactionId, target, note }) =>
    send('route.send', {
      interactionId,
      toUser: 'toUser' in target ? target.toUser : null,
      toDepartment: 'toDepartment' in target ? target.toDepartment : null,
      note,
    }),
};
