// The links at the right of the popup's header, in order. Add one entry to add one.
import { openExtensionPage, openSettings } from '../../utils/open-page';
import type { HeaderLink } from './types';

export const HEADER_LINKS: readonly HeaderLink[] = [
  { id: 'insights', label: 'Insights', needs: 'organization', open: () => openExtensionPage('/insights.html') },
  { id: 'settings', label: 'Settings', needs: 'user', open: () => openSettings() },
];
