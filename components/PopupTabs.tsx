import type { FunctionComponent } from 'preact';
import { useId, useRef } from 'preact/hooks';

export interface TabDefinition<P> {
  id: string;
  label: string;
  Component: FunctionComponent<P>;
}

/** Tabs as the ARIA pattern has them (←/→, Home, End move between tabs); with one tab, just
 * its content. */
export function PopupTabs<P extends object>({
  tabs,
  selected,
  onSelect,
  props,
  marked = [],
}: {
  tabs: readonly TabDefinition<P>[];
  selected: string;
  onSelect: (id: string) => void;
  props: P;
  /** Tabs with something new (a small dot; screen readers hear it as the tab's description). */
  marked?: readonly string[];
}) {
  const base = useId();
  const list = useRef<HTMLDivElement>(null);
  const current = tabs.find((tab) => tab.id === selected) ?? tabs[0]!;
  const { Component } = current;
  if (tabs.length < 2) return <Component {...props} />;

  const move = (event: KeyboardEvent) => {
    const index = tabs.indexOf(current);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % tabs.length
      : event.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? tabs.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    onSelect(tabs[next]!.id);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label="Highcard" class="hc-tabs" ref={list} onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${base}-tab-${tab.id}`}
            aria-controls={`${base}-panel`}
            aria-selected={tab.id === current.id}
            tabIndex={tab.id === current.id ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            aria-describedby={marked.includes(tab.id) ? `${base}-new-${tab.id}` : undefined}
          >
            {tab.label}
            {marked.includes(tab.id) ? (
              <>
                <span class="hc-dot" aria-hidden="true">
                  •
                </span>
                <span id={`${base}-new-${tab.id}`} hidden>
                  Something new
                </span>
              </>
            ) : null}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${current.id}`} class="hc-tabpanel">
        <Component {...props} />
      </div>
    </>
  );
}
