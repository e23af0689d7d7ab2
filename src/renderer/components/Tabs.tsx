/**
 * WAI-ARIA tabs: a tab list (arrow keys, Home and End move between tabs) and
 * the selected panel. Panels keep their place in the layout (no shift when
 * switching), and the selected tab can be driven from outside.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export type TabSpec = { readonly id: string; readonly label: ReactNode; readonly panel: () => ReactNode };

export function Tabs(props: {
  readonly label: string;
  readonly tabs: readonly TabSpec[];
  readonly selected?: string;
  readonly onSelect?: (id: string) => void;
  readonly className?: string;
  /** Prefix for element ids (so other code can focus a tab: `${idPrefix}-tab-${id}`). */
  readonly idPrefix?: string;
}) {
  const generated = useId();
  const prefix = props.idPrefix ?? generated;
  const [own, setOwn] = useState(props.tabs[0]?.id ?? '');
  const selected = props.selected ?? own;
  const select = (id: string) => {
    setOwn(id);
    props.onSelect?.(id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const ids = props.tabs.map((t) => t.id);
    const index = ids.indexOf(selected);
    const next =
      event.key === 'ArrowRight' ? ids[(index + 1) % ids.length] : event.key === 'ArrowLeft' ? ids[(index - 1 + ids.length) % ids.length] : event.key === 'Home' ? ids[0] : event.key === 'End' ? ids.at(-1) : undefined;
    if (next === undefined) return;
    event.preventDefault();
    select(next);
    document.getElementById(`${prefix}-tab-${next}`)?.focus();
  };
  const current = props.tabs.find((t) => t.id === selected) ?? props.tabs[0];
  return (
    <div className={props.className ? `tabs ${props.className}` : 'tabs'}>
      <div role="tablist" aria-label={props.label} className="tab-list" onKeyDown={onKeyDown}>
        {props.tabs.map((tab) => (
          <button
            key={tab.id}
            id={`${prefix}-tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === current?.id}
            aria-controls={`${prefix}-panel`}
            tabIndex={tab.id === current?.id ? 0 : -1}
            onClick={() => select(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {current ? (
        <div id={`${prefix}-panel`} role="tabpanel" aria-labelledby={`${prefix}-tab-${current.id}`} className="tab-panel" tabIndex={0}>
          {current.panel()}
        </div>
      ) : null}
    </div>
  );
}
