import { useEffect, useRef } from 'preact/hooks';
import type { OutboxItem } from '../utils/messages';
import { justFiled } from '../utils/sidebar/just-filed';
import { errorForRep, unsentCount } from '../utils/sidebar/states';
import type { SidebarModel } from '../utils/sidebar/use-sidebar';
import { AddSelection } from './AddSelection';
import { CouldNotRead } from './CouldNotRead';
import { PreviewForm } from './PreviewForm';
import { SamePersonQuestion } from './SamePersonQuestion';
import { SidebarContext } from './SidebarContext';
import { SidebarSource } from './SidebarSource';

/** Highcard in the page: a landmark docked beside the page's content, never over it. The
 * model comes from utils/sidebar/use-sidebar.ts; this only renders it and calls back. */
export function Sidebar(model: SidebarModel) {
  const { view, session, context, draft, collapsed, samePerson } = model;
  const root = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const tab = useRef<HTMLButtonElement>(null);
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

  // The message in view is usually the latest (Gmail opens a thread at it, LinkedIn shows the
  // newest at the bottom): the list starts at its end, so filing it needs no scrolling.
  const sourceList = useRef<HTMLUListElement>(null);
  const sourceCount = view.sources.length + (view.extraSources?.length ?? 0);
  const listShown = Boolean(session?.user && session.activeOrgId && !draft && !collapsed);
  // It stays at its end while what is above it changes height, until the rep scrolls it.
  const stickToEnd = useRef(true);
  useEffect(() => {
    stickToEnd.current = true;
  }, [view.id]);
  useEffect(() => {
    const list = sourceList.current;
    if (!list) return;
    const toEnd = () => {
      if (stickToEnd.current) list.scrollTop = list.scrollHeight;
    };
    toEnd();
    const onScroll = () => {
      stickToEnd.current = list.scrollTop + list.clientHeight >= list.scrollHeight - 2;
    };
    list.addEventListener('scroll', onScroll);
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(toEnd);
    resized?.observe(list);
    return () => {
      list.removeEventListener('scroll', onScroll);
      resized?.disconnect();
    };
  }, [view.id, sourceCount, listShown]);

  // The shortcut moves focus into the sidebar: to its heading, so Tab continues from the top.
  useEffect(() => {
    if (model.focusRequest) (heading.current ?? tab.current)?.focus();
  }, [model.focusRequest, collapsed]);

  if (collapsed) {
    return (
      <aside class="hc-sidebar hc-sidebar--collapsed" aria-label="Highcard">
        <button ref={tab} type="button" class="hc-tab" aria-expanded="false" onClick={model.onToggle} title="Show Highcard (Alt+Shift+H)">
          Highcard
        </button>
      </aside>
    );
  }

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
    <aside class="hc-sidebar" aria-label="Highcard" ref={root} data-layout={signedIn && hasOrg && !draft ? 'list' : undefined}>
      <header class="hc-header">
        <h1 class="hc-h1" ref={heading} tabIndex={-1}>
          {view.heading}
        </h1>
        <button type="button" class="hc-icon" aria-expanded="true" onClick={model.onToggle} title="Hide Highcard (Alt+Shift+H)">
          Hide
        </button>
      </header>

      {model.sessionError ? (
        <p role="alert" class="hc-error">
          {errorForRep(model.sessionError, model.online)}
        </p>
      ) : null}
      {!session && !model.sessionError ? (
        <p class="hc-muted" role="status">
          Loading…
        </p>
      ) : null}
      {session && !signedIn ? (
        <p class="hc-signin">
          <span>Sign in to see what your team knows.</span>{' '}
          <button type="button" class="hc-primary" onClick={model.onSignIn}>
            Sign in
          </button>
        </p>
      ) : null}
      {session && signedIn && !hasOrg ? (
        <p>Create or join your team’s organization in Highcard’s settings to start.</p>
      ) : null}

      {signedIn && hasOrg && draft && samePerson?.question ? (
        <SamePersonQuestion candidate={samePerson.question} onSame={samePerson.onSame} onElse={samePerson.onElse} />
      ) : null}
      {signedIn && hasOrg && draft ? (
        <PreviewForm
          draft={draft}
          lookup={known}
          busy={model.filing}
          error={model.fileError}
          onChange={model.onDraftChange}
          onSubmit={model.onSubmit}
          onCancel={model.onCancel}
        />
      ) : null}

      {signedIn && hasOrg && !draft ? (
        <>
          <section class="hc-section" aria-labelledby="hc-known">
            <h2 id="hc-known" class="hc-h2">
              {view.contextHeading ?? 'What the team knows'}
            </h2>
            <SidebarContext
              state={context}
              subject={view.subject}
              me={session?.user?.id ?? null}
              justFiled={justFiled(view, model.outbox, model.filedHere, known)}
              online={model.online}
              unsent={unsentCount(model.outbox)}
              now={now}
              onLookup={model.onLookup}
              follow={model.follow}
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
          <section class="hc-section hc-section--sources" aria-labelledby="hc-sources">
            <h2 id="hc-sources" class="hc-h2">
              File from this page
            </h2>
            {model.fileError && !model.fileErrorFor ? (
              <p role="alert" class="hc-error">
                {model.fileError}
              </p>
            ) : null}
            {view.unreadable && model.onClip ? (
              <CouldNotRead onFileSelection={() => model.onClip?.('clip')} onWriteNote={() => model.onClip?.('note')} />
            ) : null}
            <ul ref={sourceList} class="hc-sources" hidden={Boolean(view.unreadable)}>
              {[...view.sources, ...(view.extraSources ?? [])].map((source) => (
                <SidebarSource
                  key={source.key}
                  source={source}
                  mine={mineFor(source.key)}
                  team={teamFiled.get(source.key)}
                  problem={model.fileErrorFor === source.key ? model.fileError : null}
                  online={model.online}
                  now={now}
                  me={session?.user?.id ?? null}
                  onAdd={() => model.onOpen(source)}
                />
              ))}
            </ul>
            {!view.unreadable && model.onAddSelection ? <AddSelection onAdd={model.onAddSelection} /> : null}
          </section>
        </>
      ) : null}
    </aside>
  );
}
