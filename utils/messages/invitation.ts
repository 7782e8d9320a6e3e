// Settings → People → "Share an invitation" (handlers/invitation.ts): an invite code wrapped
// with the connection and the organization's name in one hc1_ token (utils/invitation.ts).
import { z } from 'zod';
import { ROLES } from '../vocabulary';
import { id, message } from './shared';

export const invitationMessages = {
  'invitation.create': message(
    z.object({ orgId: id, role: z.enum(ROLES) }),
    z.object({ code: z.string(), token: z.string(), text: z.string() }),
  ),
} as const;
