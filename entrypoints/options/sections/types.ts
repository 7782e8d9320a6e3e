// What a Settings section is. To add one: write a component taking SectionProps in this
// folder and add one entry to SECTIONS in ./index.ts (see .scratch/SHELL_READY).
import type { FunctionComponent } from 'preact';
import type { SessionState } from '../../../utils/messages';

export interface SectionProps {
  /** The session as the background last reported it. */
  session: SessionState;
  /** Hand the shell a newer session (after sign-in, joining, switching organization...). */
  onSession: (session: SessionState) => void;
  /** Show another section, by id: `go('organization')`. */
  go: (id: string) => void;
}

export interface SettingsSection {
  /** The address of the section: options.html#<id>. */
  id: string;
  /** The navigation link and the section's heading. */
  title: string;
  /** Other addresses that open this section, e.g. 'sign-in' for the account. */
  aliases?: readonly string[];
  /** Shown in place of the section until the user is signed in, or in an organization. */
  needs?: 'user' | 'organization';
  Component: FunctionComponent<SectionProps>;
}
