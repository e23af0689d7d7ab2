/** Settings: projector-friendly display options and where data is stored. */
import { ReadinessChecklist } from '../components/ReadinessChecklist';
import { useStore } from '../store/store';
import { useFocusHeading } from '../useFocusHeading';

const OPTIONS: ReadonlyArray<{ readonly key: 'largeText' | 'highContrast' | 'reduceMotion'; readonly label: string; readonly hint: string }> = [
  { key: 'largeText', label: 'Large text', hint: 'Bigger type for projectors and shared screens.' },
  { key: 'highContrast', label: 'High contrast', hint: 'Maximum contrast colours.' },
  { key: 'reduceMotion', label: 'Reduce motion', hint: 'No animated counters or transitions.' },
];

export function SettingsScreen() {
  const settings = useStore((s) => s.settings);
  const update = useStore((s) => s.updateSettings);
  const info = useStore((s) => s.info);
  const heading = useFocusHeading<HTMLHeadingElement>();
  return (
    <section aria-labelledby="settings-title" className="screen">
      <h1 id="settings-title" ref={heading} tabIndex={-1}>Settings</h1>
      <fieldset className="card">
        <legend>Display</legend>
        {OPTIONS.map((option) => (
          <div key={option.key} className="check-row">
            <input
              id={`setting-${option.key}`}
              type="checkbox"
              checked={settings[option.key]}
              aria-describedby={`setting-${option.key}-hint`}
              onChange={(event) => void update({ [option.key]: event.currentTarget.checked })}
            />
            <label htmlFor={`setting-${option.key}`}>{option.label}</label>
            <span id={`setting-${option.key}-hint`} className="hint">{option.hint}</span>
          </div>
        ))}
      </fieldset>
      <ReadinessChecklist />
      {info ? (
        <section className="card" aria-labelledby="about-title">
          <h2 id="about-title">About</h2>
          <dl className="facts">
            <dt>Version</dt>
            <dd>{info.version}</dd>
            <dt>Simulation engine</dt>
            <dd>v{info.engineVersion}</dd>
            <dt>Data folder</dt>
            <dd><code>{info.dataDirectory}</code></dd>
            <dt>Network</dt>
            <dd>None. The app works fully offline and makes no network request.</dd>
          </dl>
        </section>
      ) : null}
    </section>
  );
}
