/**
 * The organisation's wording of the default readiness checklist. Item ids
 * stay fixed (packs refer to them); only the wording shown at setup changes.
 */
import { useState, type FormEvent } from 'react';
import { DEFAULT_READINESS_ITEMS } from '../../engine';
import { useStore } from '../store/store';

export function ReadinessChecklist() {
  const saved = useStore((s) => s.settings.readinessLabels);
  const update = useStore((s) => s.updateSettings);
  const [draft, setDraft] = useState<Partial<Record<string, string>>>(() => ({ ...saved }));
  const labelOf = (id: string, fallback: string) => draft[id] ?? saved[id] ?? fallback;
  const save = (event: FormEvent) => {
    event.preventDefault();
    const labels = Object.fromEntries(
      DEFAULT_READINESS_ITEMS.flatMap((item) => {
        const text = labelOf(item.id, item.label).trim();
        return text && text !== item.label ? [[item.id, text]] : [];
      }),
    );
    void update({ readinessLabels: labels });
  };
  return (
    <form className="card" aria-labelledby="readiness-title" onSubmit={save}>
      <h2 id="readiness-title">Readiness checklist</h2>
      <p className="hint">
        The twelve prerequisites offered at setup when a scenario has no checklist of its own. They are this app’s wording, not an official list: adapt them to
        your organisation. Scenarios refer to each item by its id, so the items themselves stay.
      </p>
      <ol className="readiness-editor">
        {DEFAULT_READINESS_ITEMS.map((item) => (
          <li key={item.id} className="field">
            <label htmlFor={`ready-label-${item.id}`}>
              Item <code>{item.id}</code>
            </label>
            <input
              id={`ready-label-${item.id}`}
              type="text"
              value={labelOf(item.id, item.label)}
              maxLength={300}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft((d) => ({ ...d, [item.id]: value }));
              }}
            />
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <button
          type="button"
          onClick={() => {
            setDraft({});
            void update({ readinessLabels: {} });
          }}
        >
          Restore the app’s wording
        </button>
        <button type="submit" className="primary">Save the checklist</button>
      </div>
    </form>
  );
}
