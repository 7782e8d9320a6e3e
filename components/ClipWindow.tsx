import type { ComponentChildren } from 'preact';

export type ClipWindowState =
  | { kind: 'loading' }
  /** The selection is no longer kept (the window was reopened, or the browser restarted). */
  | { kind: 'gone' }
  | { kind: 'signed-out' }
  | { kind: 'no-org' }
  | { kind: 'error'; message: string }
  | { kind: 'ready' }
  /** Stored in the outbox; `sent` once the server has it. */
  | { kind: 'filed'; sent: boolean; account: string };

interface Props {
  state: ClipWindowState;
  /** The form, shown in the ready state. */
  children?: ComponentChildren;
  onOpenSettings: () => void;
  onClose: () => void;
}

/** The clip window around its form: every state says what happened and what to do next. */
export function ClipWindow({ state, children, onOpenSettings, onClose }: Props) {
  const close = (
    <button type="button" onClick={onClose}>
      Close
    </button>
  );
  let content: ComponentChildren;
  switch (state.kind) {
    case 'loading':
      content = <p role="status">Reading your selection…</p>;
      break;
    case 'gone':
      content = (
        <>
          <p role="alert">This selection is no longer here. Select the text on the page again and choose “File selection to customer record”.</p>
          {close}
        </>
      );
      break;
    case 'signed-out':
      content = (
        <>
          <p role="alert">Sign in to Highcard to file this selection. It stays here while you do.</p>
          <button type="button" onClick={onOpenSettings}>
            Open settings
          </button>
        </>
      );
      break;
    case 'no-org':
      content = (
        <>
          <p role="alert">Create or join an organization in Highcard’s settings before filing.</p>
          <button type="button" onClick={onOpenSettings}>
            Open settings
          </button>
        </>
      );
      break;
    case 'error':
      content = (
        <>
          <p role="alert">{state.message}</p>
          {close}
        </>
      );
      break;
    case 'filed':
      content = (
        <>
          <p role="status">{state.sent ? `Filed on ${state.account}.` : `Filed on ${state.account} · sending`}</p>
          {close}
        </>
      );
      break;
    case 'ready':
      content = children;
      break;
  }
  return (
    <main class="hc-clip" aria-label="Highcard" aria-busy={state.kind === 'loading'}>
      {content}
    </main>
  );
}
