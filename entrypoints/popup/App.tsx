import { browser } from 'wxt/browser';

export function App() {
  return (
    <main aria-labelledby="popup-title">
      <h1 id="popup-title">Highcard</h1>
      <p>Your team’s customer record. Connect and sign in to read account timelines here.</p>
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Open settings
      </button>
    </main>
  );
}
