export function App() {
  return (
    <main aria-labelledby="options-title">
      <h1 id="options-title">Highcard settings</h1>
      <p>
        Highcard stores nothing until you press “File to customer record”, and then only what the preview
        showed.
      </p>
    </main>
  );
}
