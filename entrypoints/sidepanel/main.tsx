import { render } from 'preact';
import '../../components/record.css';
import '../../components/panel.css';
import '../../components/plans.css';
import { App } from './App';
import './style.css';

render(<App />, document.getElementById('app')!);
