// Organizations and the people in them (handlers/organization.ts).
import { z } from 'zod';
import { LIMITS } from '../limits';
import { ROLES } from '../vocabulary';
import { sessionStateSchema } from './session';
import { id, message } from './shared';

export const memberSchema = z.object({
  user_id: z.string(),
  role: z.enum(ROLES),
  display_name: z.string(),
  department: z.string().nullable(),
});
export type Member = z.infer<typeof memberSchema>;

export const organizationMessages = {
  'org.create': message(z.object({ name: z.string().trim().min(1).max(LIMITS.name) }), sessionStateSchema),
  'org.join': message(z.object({ code: z.string().trim().min(6).max(LIMITS.inviteCode) }), sessionStateSchema),
  'org.setActive': message(z.object({ orgId: id }), sessionStateSchema),
  'org.invite': message(z.object({ orgId: id, role: z.enum(ROLES) }), z.object({ code: z.string() })),
  'org.members': message(z.object({ orgId: id }), z.array(memberSchema)),
  'org.setRole': message(z.object({ orgId: id, userId: id, role: z.enum(ROLES) }), z.array(memberSchema)),
  'profile.update': message(
    z.object({
      orgId: id,
      displayName: z.string().trim().min(1, { error: 'is required' }).max(LIMITS.name),
      department: z.string().trim().max(LIMITS.department).nullable(),
    }),
    sessionStateSchema,
  ),
} as const;
