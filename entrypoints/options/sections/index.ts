// The sections of Settings, in the order of the navigation. To add one, import its
// component and add one entry here; its address is options.html#<id>.
import { AccountSection } from './AccountSection';
import { ConnectionSection } from './ConnectionSection';
import { ImportSection } from './ImportSection';
import { InsightsSection } from './InsightsSection';
import { JoinSection } from './JoinSection';
import { OrganizationSection } from './OrganizationSection';
import { PeopleSection } from './PeopleSection';
import { PrivacySection } from './PrivacySection';
import { SharedSection } from './SharedSection';
import { CoachingSection } from './CoachingSection';
import { OutlookSection } from './OutlookSection';
import { PageReadingSection } from './PageReadingSection';
import type { SettingsSection } from './types';

export type { SectionProps, SettingsSection } from './types';

export const SECTIONS: readonly SettingsSection[] = [
  { id: 'account', title: 'Account', aliases: ['sign-in'], Component: AccountSection },
  { id: 'join', title: 'Join with an invitation', aliases: ['invitation'], Component: JoinSection },
  { id: 'organization', title: 'Organization', needs: 'user', Component: OrganizationSection },
  { id: 'people', title: 'People', needs: 'organization', Component: PeopleSection },
  { id: 'import', title: 'Import', needs: 'organization', Component: ImportSection },
  { id: 'shared', title: 'What I have shared', needs: 'organization', Component: SharedSection },
  { id: 'coaching', title: 'Coaching', needs: 'organization', Component: CoachingSection },
  { id: 'insights', title: 'Insights', needs: 'organization', Component: InsightsSection },
  { id: 'privacy', title: 'Privacy', Component: PrivacySection },
  { id: 'outlook', title: 'Outlook on the web', Component: OutlookSection },
  { id: 'page-reading', title: 'Page reading', Component: PageReadingSection },
  // Last: it is for the person who sets Highcard up, not for every rep.
  { id: 'connection', title: 'Connection', Component: ConnectionSection },
];
