/**
 * Briefing: the AI system's profile, the situation at T0 and each role's
 * private brief (revealed one at a time, so a facilitator can hand them out).
 */
import type { RunId } from '../../engine';
import { useState } from 'react';
import { formatSimDateTimeZone, ROLE_TITLES, START, type RoleId } from '../../engine';
import { Markdown } from '../components/Markdown';
import { FacilitatorGuide } from '../components/console/FacilitatorGuide';
import { controlActor } from '../store/run-slice';
import { useStore } from '../store/store';
import { useFocusHeading } from '../useFocusHeading';
import { useRun } from '../useRun';

export function BriefingScreen({ runId }: { readonly runId: RunId }) {
  const heading = useFocusHeading<HTMLHeadingElement>();
  const { run } = useRun(runId);
  const submit = useStore((s) => s.submit);
  const navigate = useStore((s) => s.navigate);
  const [revealed, setRevealed] = useState<RoleId | undefined>();
  if (!run) return <p aria-busy="true">Opening the run…</p>;
  const { pack, state } = run;
  const system = pack.system;
  const begin = async () => {
    if (state.phase === 'setup' && !(await submit({ type: 'run.start' }, controlActor(run, useStore.getState().actingAs)))) return;
    navigate({ screen: 'run', runId });
  };
  return (
    <section aria-labelledby="briefing-title" className="screen">
      <div className="screen-head">
        <div>
          <h1 id="briefing-title" ref={heading} tabIndex={-1}>Briefing: {pack.title}</h1>
          <p className="lede">Scenario starts {formatSimDateTimeZone(pack.clock.start, START)}.</p>
        </div>
        <button type="button" className="primary" onClick={() => void begin()}>
          {state.phase === 'setup' ? 'Start the clock' : 'Go to the run'}
        </button>
      </div>
      {run.header.mode === 'facilitated' ? (
        <details className="card facilitator-guide-card">
          <summary>Facilitator guide (for you, not the room): timing plan and where teams go wrong</summary>
          <FacilitatorGuide pack={pack} compression={state.clock.compression} skipQuiet={run.header.skipQuietPeriods === true} />
        </details>
      ) : null}
      <section className="card" aria-labelledby="system-title">
        <h2 id="system-title">The AI system: {system.name}</h2>
        <dl className="facts">
          <dt>Purpose</dt>
          <dd><Markdown source={system.purpose} /></dd>
          <dt>Decisions per day</dt>
          <dd>{system.decisionsPerDay.toLocaleString('en-GB')}</dd>
          <dt>Risk class</dt>
          <dd>{system.riskClass}</dd>
          <dt>Personal data</dt>
          <dd>{system.personalData ? 'Yes' : 'No'}</dd>
          <dt>Affected population</dt>
          <dd>{system.affectedPopulation}</dd>
          <dt>Provider</dt>
          <dd>{system.provider}</dd>
          <dt>Deployer</dt>
          <dd>{system.deployer}</dd>
          <dt>Your organisation is</dt>
          <dd>{system.ourRole === 'provider-and-deployer' ? 'provider and deployer' : `the ${system.ourRole}`}</dd>
        </dl>
        {system.description ? <Markdown source={system.description} /> : null}
      </section>
      <section className="card" aria-labelledby="situation-title">
        <h2 id="situation-title">The situation at the start</h2>
        <Markdown source={pack.situation} />
      </section>
      <section className="card" aria-labelledby="briefs-title">
        <h2 id="briefs-title">Private role briefs</h2>
        <p className="hint">Each role sees only its own brief. Reveal one at a time when handing the screen to that person.</p>
        <div className="toolbar" role="group" aria-label="Role briefs">
          {pack.roles.map(({ role }) => (
            <button key={role} type="button" aria-pressed={revealed === role} onClick={() => setRevealed(revealed === role ? undefined : role)}>
              {ROLE_TITLES[role]}
              {state.roles[role] ? ` (${state.roles[role]})` : ''}
            </button>
          ))}
        </div>
        {revealed ? (
          <article className="brief" aria-label={`Brief for the ${ROLE_TITLES[revealed]}`}>
            <h3>{ROLE_TITLES[revealed]}</h3>
            <Markdown source={pack.roles.find((r) => r.role === revealed)?.brief ?? ''} />
          </article>
        ) : null}
      </section>
    </section>
  );
}
