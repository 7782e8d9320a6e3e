import { useState } from 'preact/hooks';
import { matchesSearch, myEntriesCsv, myEntriesJson } from '../utils/export';
import { formatWhen } from '../utils/format';
import type { MyEntry } from '../utils/messages';
import { ConfirmDialog } from './ConfirmDialog';
import { EntryTextForm, type EntryText } from './EntryTextForm';
import { StatusNote, type Note } from './StatusNote';
import type { EntryActions } from './entry-actions';
import { excerpt, kindLabel, safeHttpsUrl, signalLabel } from './labels';
import { handled } from '../utils/handled';

/** Hands a text file to the browser's downloads, made here, never fetched. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export type MyEntriesData = {
  entries: MyEntry[] | null;
  error: string | null;
  reload: () => Promise<void>;
  /** Each answers null when it worked, or the words of the problem. */
  update: (id: string, text: EntryText) => Promise<string | null>;
  retract: (id: string) => Promise<string | null>;
};

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "What I have shared": every entry the user filed, retracted ones included (only they see
 * those), to search, edit, retract and take away as CSV or JSON (pact rule 4). */
export function MyEntries({
  entries,
  error,
  reload,
  update,
  retract,
  entryActions,
}: MyEntriesData & {
  /** The page's controls under each entry (the thank-yous it received). */
  entryActions?: EntryActions;
}) {
  // What became of an edit or a retraction, shown in that entry, under its buttons.
  const [notice, setNotice] = useState<{ id: string; note: Note } | null>(null);
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [retracting, setRetracting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const shown = (entries ?? []).filter((entry) => matchesSearch(entry, search));

  return (
    // Settings frames this with its heading, "What I have shared".
    <div class="hc-stack">
      <p class="hc-muted">
        Every entry you filed, in every organization you belong to. Only you can edit or retract them; an edit keeps
        the earlier text in a history everyone can read, and a retracted entry leaves the shared timeline.
      </p>
      {error ? (
        <div role="alert" class="hc-error">
          <p>{error}</p>
          <button type="button" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      ) : null}
      {entries === null && !error ? <p>Loading your entries…</p> : null}
      {entries && !entries.length ? (
        <p class="hc-empty">
          You have not filed anything yet. In Gmail or on LinkedIn, press “Add to customer record” on what a customer said.
        </p>
      ) : null}
      {entries?.length ? (
        <>
          <div class="hc-row">
            <label class="hc-grow">
              Search my entries
              <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
            </label>
          </div>
          <div class="hc-row">
            <button type="button" onClick={() => download(`highcard-my-entries-${today()}.csv`, 'text/csv;charset=utf-8', myEntriesCsv(entries))}>
              Export as CSV
            </button>
            <button
              type="button"
              onClick={() => download(`highcard-my-entries-${today()}.json`, 'application/json', myEntriesJson(entries))}
            >
              Export as JSON
            </button>
          </div>
          {!shown.length ? <p class="hc-empty">None of your entries matches “{search}”.</p> : null}
          <ul class="hc-entries" aria-label="My entries">
            {shown.map((entry) => {
              const link = safeHttpsUrl(entry.source_url);
              return (
                <li key={entry.id} class={`hc-entry${entry.retracted_at ? ' hc-retracted' : ''}`}>
                  <article aria-label={entry.title}>
                    <h3 class="hc-entry__title">
                      {entry.title}
                      {entry.retracted_at ? <span class="hc-badge">Retracted {formatWhen(entry.retracted_at)}</span> : null}
                    </h3>
                    <p class="hc-entry__meta">
                      {formatWhen(entry.occurred_at, true)} · {kindLabel(entry.kind, entry.source_url)}
                      {entry.account_name ? ` · ${entry.account_name}` : ''}
                      {entry.contact_name ? ` · ${entry.contact_name}` : ''} · {entry.org_name}
                    </p>
                    {editing === entry.id ? (
                      <EntryTextForm
                        initial={entry}
                        submitLabel="Save changes"
                        note="Your colleagues will see that you edited this entry, and the earlier text."
                        onCancel={() => setEditing(null)}
                        onSubmit={async (text) => {
                          const problem = await update(entry.id, text);
                          if (problem) return problem;
                          setEditing(null);
                          setNotice({ id: entry.id, note: { kind: 'ok', text: 'Saved. The earlier text is kept in the entry’s history.' } });
                          return null;
                        }}
                      />
                    ) : (
                      <>
                        {entry.body ? <p class="hc-entry__body">{excerpt(entry.body, 300).text}</p> : null}
                        {entry.signals.length ? <p class="hc-muted">{entry.signals.map(signalLabel).join(' · ')}</p> : null}
                        {retracting === entry.id ? (
                          <ConfirmDialog
                            title="Retract this entry?"
                            message="It leaves the shared timeline for everyone in the organization. You will still see it here."
                            confirmLabel="Retract"
                            busy={busy}
                            onCancel={() => setRetracting(null)}
                            onConfirm={handled(async () => {
                              setBusy(true);
                              const problem = await retract(entry.id);
                              setBusy(false);
                              setRetracting(null);
                              setNotice({
                                id: entry.id,
                                note: problem ? { kind: 'error', text: problem } : { kind: 'ok', text: 'Retracted. Your colleagues no longer see it.' },
                              });
                            })}
                          />
                        ) : (
                          <div class="hc-row">
                            {!entry.retracted_at ? (
                              <>
                                <button type="button" onClick={() => setEditing(entry.id)} aria-label={`Edit “${entry.title}”`}>
                                  Edit
                                </button>
                                <button type="button" onClick={() => setRetracting(entry.id)} aria-label={`Retract “${entry.title}”`}>
                                  Retract
                                </button>
                              </>
                            ) : null}
                            {link ? (
                              <a href={link} target="_blank" rel="noopener noreferrer">
                                Open the source
                              </a>
                            ) : null}
                          </div>
                        )}
                      </>
                    )}
                    <StatusNote note={notice?.id === entry.id ? notice.note : null} />
                    {entryActions?.({ id: entry.id, title: entry.title, authorId: null, authorName: null })}
                  </article>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </div>
  );
}
