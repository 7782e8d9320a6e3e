// Where "Bring to a colleague" finds its actions: provided once by each page that shows
// entries (the panel, Insights's mount), read by components/BringToColleague.tsx.
import { createContext } from 'preact';
import type { RoutingActions } from './for-you';

export const RoutingContext = createContext<RoutingActions | null>(null);
