/**
 * Setup (Prepare): solo or facilitated, time pressure, participants and the
 * six command roles, and the readiness checklist the pack may use.
 */
import type { PackId } from '../../engine';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { DEFAULT_READINESS_ITEMS, ROLE_TITLES, type Command, type RoleId, type RunMode } from '../../engine';
import type { LoadedPack } from '../../shared/packs';
import { call } from '../api';
import { Markdown } from '../components/Markdown';
import { formatSpan } from '../../engine';
import { PlayLength } from '../components/PlayLength';
import { errorText } from '../store/errors';
import { useStore } from '../store/store';
import { useFocusHeading } from '../useFocusHeading';

/** Time pressure options as multiples of the pack's default compression. */
const PRESSURE = [
  { id: 'half', label: 'Relaxed (half speed)', factor: 0.5 },
  { id: 'default', label: 'As designed', factor: 1 },
  { id: 'double', label: 'Pressured (double speed)', factor: 2 },
  { id: 'quad', label: 'Intense (four times)', factor: 4 },
] as const;

export function SetupScreen({ packId }: { readonly packId: PackId }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [loaded, setLoaded] = useState<LoadedPack>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    call('getPack', packId).then(setLoaded, (error) => setLoadError(errorText(error)));
  }, [packId]);
  return (
    <section aria-labelledby="setup-title" className="screen">
      <h1 id="setup-title" ref={heading} tabIndex={-1}>
        Prepare a run{loaded ? `: ${loaded.pack.title}` : ''}
      </h1>
      {loadError ? <p role="alert">The pack could not be loaded: {loadError}</p> : null}
      {!loaded && !loadError ? <p aria-busy="true">Loading the pack…</p> : null}
      {loaded ? <SetupForm loaded={loaded} /> : null}
    </section>
  );
}

function SetupForm({ loaded }: { readonly loaded: LoadedPack }) {
  const { pack } = loaded;
  const navigate = useStore((s) => s.navigate);
  const openRun = useStore((s) => s.openRun);
  const submit = useStore((s) => s.submit);
  const notify = useStore((s) => s.notify);
  const [mode, setMode] = useState<RunMode>('solo');
  const [title, setTitle] = useState('');
  const [soloName, setSoloName] = useState('');
  const [names, setNames] = useState<Partial<Record<RoleId, string>>>({});
  const [pressure, setPressure] = useState<(typeof PRESSURE)[number]['id']>('default');
  const [readiness, setReadiness] = useState<Record<string, boolean>>({});
  const [skipQuiet, setSkipQuiet] = useState(true);
  const [coached, setCoached] = useState(false);
  const [busy, setBusy] = useState(false);
  const wording = useStore((s) => s.settings.readinessLabels);
  // The pack's own checklist wins; otherwise the default items in the organisation's wording (Settings).
  const items = pack.readiness ?? DEFAULT_READINESS_ITEMS.map((item) => ({ id: item.id, label: wording[item.id] ?? item.label }));
  const roles = useMemo(() => pack.roles.map((r) => r.role), [pack]);
  const ids = { mode: useId(), pressure: useId(), roles: useId(), readiness: useId() };

  const assignments = (): Array<[RoleId, string]> =>
    mode === 'solo'
      ? roles.map((role) => [role, soloName.trim() || 'Solo learner'])
      : roles.flatMap((role) => (names[role]?.trim() ? [[role, names[role]!.trim()] as [RoleId, string]] : []));

  const start = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const assigned = assignments();
      const participants = [...new Set(assigned.map(([, name]) => name))];
      // Time pressure is part of the run's header: the session applies it as the first entry after `run.start`.
      const factor = PRESSURE.find((p) => p.id === pressure)?.factor ?? 1;
      const { runId } = await call('createRun', {
        packId: pack.id,
        mode,
        participants,
        skipQuietPeriods: skipQuiet,
        ...(mode === 'solo' && coached ? { coached: true } : {}),
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(factor !== 1 ? { compression: pack.clock.compression * factor } : {}),
      });
      if (!(await openRun(runId))) return;
      // Setup is the facilitator's job (in solo practice the learner is their own facilitator).
      const by = 'facilitator';
      const commands: Command[] = [
        ...assigned.map(([role, participant]): Command => ({ type: 'role.assign', role, participant })),
        ...items.filter((item) => readiness[item.id] !== undefined).map((item): Command => ({ type: 'readiness.set', item: item.id, value: readiness[item.id]! })),
      ];
      for (const command of commands) {
        if (!(await submit(command, by))) throw new Error(useStore.getState().run?.rejection ?? `the run refused “${command.type}”`);
      }
      navigate({ screen: 'briefing', runId });
    } catch (error) {
      notify('error', `The run could not be prepared: ${errorText(error)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="setup" onSubmit={(e) => void start(e)}>
      <section className="card" aria-labelledby="setup-about">
        <h2 id="setup-about">About this scenario</h2>
        <Markdown source={pack.summary} />
        <p className="hint">
          Scenario length {formatSpan(pack.clock.end)} of simulated time · the pack says about {pack.durationMinutes} minutes to play.
        </p>
      </section>

      <fieldset className="card">
        <legend id={ids.mode}>How will you run it?</legend>
        <div className="radio-row">
          <input type="radio" id="mode-solo" name="mode" checked={mode === 'solo'} onChange={() => setMode('solo')} />
          <label htmlFor="mode-solo">Solo practice</label>
          <span className="hint">You hold every role and choose who acts for each decision.</span>
        </div>
        <div className="radio-row">
          <input type="radio" id="mode-facilitated" name="mode" checked={mode === 'facilitated'} onChange={() => setMode('facilitated')} />
          <label htmlFor="mode-facilitated">Facilitated tabletop</label>
          <span className="hint">A facilitator drives the console; a presenter window shows the team the situation on a projector.</span>
        </div>
        {mode === 'solo' ? (
          <div className="check-row">
            <input id="coached" type="checkbox" checked={coached} onChange={(e) => setCoached(e.currentTarget.checked)} aria-describedby="coached-hint" />
            <label htmlFor="coached">Coached practice (for a first run)</label>
            <span id="coached-hint" className="hint">
              Hints at each stage of what a V-AIM commander would consider — never the answer — and explanations of V-SEV, R3AI, the six roles and
              TRACE when you point at or tab to them. Recorded with the run, so coached scores are not mixed with others.
            </span>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="run-title">Run title (optional)</label>
          <input id="run-title" type="text" value={title} onChange={(e) => setTitle(e.currentTarget.value)} placeholder="e.g. HR leadership team, March rehearsal" />
        </div>
      </fieldset>

      <fieldset className="card">
        <legend id={ids.pressure}>Time pressure</legend>
        <p className="hint">
          By design one real second is {pack.clock.compression} scenario {pack.clock.compression === 1 ? 'minute' : 'minutes'}. You can pause, change the speed
          and jump to the next event during the run.
        </p>
        {PRESSURE.map((option) => (
          <div key={option.id} className="radio-row">
            <input type="radio" id={`pressure-${option.id}`} name="pressure" checked={pressure === option.id} onChange={() => setPressure(option.id)} />
            <label htmlFor={`pressure-${option.id}`}>
              {option.label} <span className="hint">({Number((pack.clock.compression * option.factor).toPrecision(3))} scenario min per second)</span>
            </label>
          </div>
        ))}
        <div className="check-row">
          <input id="skip-quiet" type="checkbox" checked={skipQuiet} onChange={(e) => setSkipQuiet(e.currentTarget.checked)} aria-describedby="skip-quiet-hint" />
          <label htmlFor="skip-quiet">Skip quiet periods</label>
          <span id="skip-quiet-hint" className="hint">
            When nothing waits for an answer and no regulatory clock is within two hours of its deadline, the clock jumps to the next event after
            a short calm (it never jumps past an inject, a prompt or a deadline). Each jump is in the log.
          </span>
        </div>
        <PlayLength pack={pack} compression={pack.clock.compression * (PRESSURE.find((p) => p.id === pressure)?.factor ?? 1)} skipQuiet={skipQuiet} />
      </fieldset>

      <fieldset className="card">
        <legend id={ids.roles}>Command roles</legend>
        {mode === 'solo' ? (
          <div className="field">
            <label htmlFor="solo-name">Your name</label>
            <input id="solo-name" type="text" value={soloName} onChange={(e) => setSoloName(e.currentTarget.value)} placeholder="Solo learner" />
            <span className="hint">You hold all {roles.length} roles of this scenario.</span>
          </div>
        ) : (
          <div className="role-grid">
            {roles.map((role) => (
              <div key={role} className="field">
                <label htmlFor={`role-${role}`}>{ROLE_TITLES[role]}</label>
                <input
                  id={`role-${role}`}
                  type="text"
                  value={names[role] ?? ''}
                  placeholder="Participant name"
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setNames((n) => ({ ...n, [role]: value }));
                  }}
                />
              </div>
            ))}
            <p className="hint">Roles left empty are unassigned at the start — the debrief will notice.</p>
          </div>
        )}
      </fieldset>

      <fieldset className="card">
        <legend id={ids.readiness}>Readiness checklist (optional)</legend>
        <p className="hint">
          Tick what your organisation really has in place. The scenario may use your answers: an unprepared organisation detects later.
          {pack.readiness ? '' : ' This is the default checklist of twelve prerequisites (the app’s wording, adaptable in Settings; not an official list).'}
        </p>
        <ul className="checklist">
          {items.map((item) => (
            <li key={item.id} className="check-row">
              <input
                id={`ready-${item.id}`}
                type="checkbox"
                checked={readiness[item.id] === true}
                onChange={(e) => {
                  const value = e.currentTarget.checked;
                  setReadiness((r) => ({ ...r, [item.id]: value }));
                }}
              />
              <label htmlFor={`ready-${item.id}`}>{item.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>

      <div className="form-actions">
        <button type="button" onClick={() => navigate({ screen: 'library' })}>Back to the library</button>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Preparing…' : 'Create the run and open the briefing'}
        </button>
      </div>
    </form>
  );
}
