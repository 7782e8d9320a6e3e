import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { OutboxItem } from '../utils/messages';
import { justFiled } from '../utils/panel/just-filed';
import { unsentCount } from '../utils/panel/states';
import type { ThisPageModel } from '../utils/panel/use-this-page';
import { AddSelection } from './AddSelection';
import { CouldNotRead } from './CouldNotRead';
import type { EntryActions } from './entry-actions';
import { PageSource } from './PageSource';
import { PreviewForm } from './PreviewForm';
import { SamePersonQuestion } from './SamePersonQuestion';
import { TeamContext } from './TeamContext';

interface Props extends ThisPageModel {
  /** What is open with this customer (plans and promises): rendered by its own part, here. */
  openWithCustomer?: ComponentChildren;
  /** The page's controls under each entry shown here ("Bring to a colleague", "This helped me"). */
  entryActions?: EntryActions;
}

/** The page in the tab beside the panel: who is in view and what the team knows, then what
 * can be filed from it, or the preview. The model comes from utils/panel/use-this-page.ts;
 * this only renders it and calls back. Rendered inside the panel's "This page" region. */
export function ThisPage(model: Props) {
  const { view, session, context, draft, samePerson } = model;
  const root = useRef<HTMLDivElement>(null);
  // The preview replaces the list, so focus goes back to the source's button by key.
  const returnFocusTo = useRef<string | null>(null);

  useEffect(() => {
    if (draft) {
      returnFocusTo.current = model.draftSource;
      return;
    }
    const key = returnFocusTo.current;
    returnFocusTo.current = null;
    if (!key) return;
    const item = Array.from(root.current?.querySelectorAll<HTMLElement>('[data-source-key]') ?? []).find(
      (element) => element.dataset.sourceKey === key,
    );
    (item?.querySelector<HTMLElement>('button') ?? item)?.focus();
  }, [draft]);

  const signedIn = Boolean(session?.user);
  const hasOrg = Boolean(session?.activeOrgId);
  const now = Date.now();
  const known = context.status === 'ready' ? context.result : null;
  const byId = new Map(model.outbox.map((item) => [item.id, item]));
  const mineFor = (key: string): OutboxItem | undefined => {
    const here = (model.filedHere[key] ?? []).map((id) => byId.get(id)).filter((item): item is OutboxItem => Boolean(item));
    return here.at(-1) ?? model.outbox.find((item) => item.capture.source_ref === key);
  };
  const teamFiled = new Map(
    (known?.entries ?? [])
      .filter((entry) => typeof entry.source_ref === 'string')
      .map((entry) => [entry.source_ref as string, entry]),
  );

  return (
    <div class="hc-this-page" ref={root}>
      <h3 class="hc-page-heading">{view.heading}</h3>

      {session && !signedIn ? (
        <p class="hc-signin">
          <span>Sign in to see what your team knows.</span>{' '}
          <button type="button" class="hc-primary" onClick={model.onSignIn}>
            Sign in
          </button>
        </p>
      ) : null}
      {session && signedIn && !hasOrg ? <p>Create or join your team’s organization in Highcard’s settings to start.</p> : null}

      {signedIn && hasOrg && draft && samePerson?.question ? (
        <SamePersonQuestion candidate={samePerson.question} onSame={samePerson.onSame} onElse={samePerson.onElse} />
      ) : null}
      {signedIn && hasOrg && draft ? (
        <PreviewForm
          draft={draft}
          lookup={known}
          similar={model.similarAccounts}
          busy={model.filing}
          error={model.fileError}
          promiseNote={model.promiseNote}
          onChange={model.onDraftChange}
          onSubmit={model.onSubmit}
          onCancel={model.onCancel}
        />
      ) : null}

      {signedIn && hasOrg && !draft ? (
        <>
          <section class="hc-section" aria-labelledby="hc-known">
            <h4 id="hc-known" class="hc-h2">
              {view.contextHeading ?? 'What the team knows'}
            </h4>
            <TeamContext
              state={context}
              subject={view.subject}
              me={session?.user?.id ?? null}
              justFiled={justFiled(view, model.outbox, model.filedHere, known)}
              online={model.online}
              unsent={unsentCount(model.outbox)}
              now={now}
              onLookup={model.onLookup}
              follow={model.follow}
              entryActions={model.entryActions}
            />
            {samePerson?.question ? (
              <SamePersonQuestion candidate={samePerson.question} onSame={samePerson.onSame} onElse={samePerson.onElse} />
            ) : null}
            {samePerson?.confirmed ? (
              <p class="hc-notice" role="status">
                What you file from this page goes on {samePerson.confirmed.full_name}
                {samePerson.confirmed.account_name ? ` (${samePerson.confirmed.account_name})` : ''} and links them to it.
              </p>
            ) : null}
          </section>
          {/* What is open with this customer (plans and promises, both ways) goes here, between
              what the team knows and what to file: its own part renders it. */}
          {model.openWithCustomer ?? null}
          <section class="hc-section hc-section--sources" aria-labelledby="hc-sources">
            <h4 id="hc-sources" class="hc-h2">
              File from this page
            </h4>
            {model.fileError && !model.fileErrorFor ? (
              <p role="alert" class="hc-error">
                {model.fileError}
              </p>
            ) : null}
            {view.unreadable && model.onClip ? (
              <CouldNotRead onFileSelection={() => model.onClip?.('clip')} onWriteNote={() => model.onClip?.('note')} />
            ) : null}
            <ul class="hc-sources" hidden={Boolean(view.unreadable)}>
              {[...view.sources, ...(view.extraSources ?? [])].map((source) => (
                <PageSource
                  key={source.key}
                  source={source}
                  mine={mineFor(source.key)}
                  team={teamFiled.get(source.key)}
                  problem={model.fileErrorFor === source.key ? model.fileError : null}
                  online={model.online}
                  now={now}
                  me={session?.user?.id ?? null}
                  onAdd={() => model.onOpen(source)}
                  entryActions={model.entryActions}
                />
              ))}
            </ul>
            {!view.unreadable && model.onAddSelection ? <AddSelection onAdd={model.onAddSelection} /> : null}
          </section>
        </>
      ) : null}
    </div>
  );
}
