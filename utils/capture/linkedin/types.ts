// What the LinkedIn readers return. Zod schemas so a content script can check a reading
// before it becomes a message; the types are inferred, never written twice.
import { z } from 'zod';
import { LINKEDIN_PROFILE_URL } from '../../vocabulary';

/** https://www.linkedin.com/in/<slug>, as canonicalProfileUrl makes it. */
const profileUrl = z.string().regex(LINKEDIN_PROFILE_URL);

export const linkedInProfileSchema = z.object({
  fullName: z.string().min(1),
  headline: z.string().nullable(),
  /** Title of the current position; null when there is none or it cannot be told apart. */
  currentTitle: z.string().nullable(),
  /** Employer of the current position; never a school or a past employer. */
  currentCompany: z.string().nullable(),
  location: z.string().nullable(),
  profileUrl,
});
export type LinkedInProfile = z.infer<typeof linkedInProfileSchema>;

export const linkedInPersonSchema = z.object({
  name: z.string().min(1),
  /** Canonical; null when the page shows the name without a link. */
  profileUrl: profileUrl.nullable(),
});
export type LinkedInPerson = z.infer<typeof linkedInPersonSchema>;

export const linkedInMessageSchema = z.object({
  /** "urn:li:msg_message:(urn:li:fsd_profile:ACoAA…,2-MTY…)"; null if the page gave none. */
  eventUrn: z.string().nullable(),
  /** Null when the first loaded message continues a group whose name is above the fold. */
  sender: linkedInPersonSchema.nullable(),
  /**
   * ISO 8601 with the viewer's offset. Messages in a group share the group's time, which is
   * all the page shows. Null when the day or time cannot be read.
   */
  time: z.string().nullable(),
  /** Visible text; line breaks kept, links as their visible text. */
  text: z.string(),
});
export type LinkedInMessage = z.infer<typeof linkedInMessageSchema>;

export const linkedInConversationSchema = z.object({
  /** From the URL, percent-decoded: "2-MTY…==". */
  threadId: z.string().min(1),
  /** The group's name or the other person's name, as the thread header shows it. */
  title: z.string().nullable(),
  /** Everyone named in the header or as a sender, the viewer included, once each. */
  participants: z.array(linkedInPersonSchema),
  /** In page order, oldest first; only messages with text. */
  messages: z.array(linkedInMessageSchema),
});
export type LinkedInConversation = z.infer<typeof linkedInConversationSchema>;
