import { render } from 'preact';
import { RoutingContext } from '../../components/BringToColleague';
import '../../components/record.css';
import '../../components/panel.css';
import '../../components/plans.css';
import { routeActions } from '../../utils/route-actions';
import { App } from './App';
import './style.css';

// Entries here offer "Bring to a colleague".
render(
  <RoutingContext.Provider value={routeActions}>
    <App />
  </RoutingContext.Provider>,
  document.getElementById('app')!,
);
