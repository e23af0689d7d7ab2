/**
 * A participant's view of the run: their role's view only — the clock and
 * harm counter, decisions to answer or vote on, the injects their role sees,
 * their private brief, their moves, the classification and the regulatory
 * clocks. Everything comes from the projection main sends this device.
 */
import { useMemo } from 'react';
import { ROLE_TITLES, type RoleId } from '../../../engine';
import { RunActionsContext } from '../../actions/run-action-context';
import { participantActions } from '../../actions/participant-actions';
import type { ActiveRun } from '../../store/run-slice';
import { useStore } from '../../store/store';
import { Classification } from '../run/Classification';
import { Feed, feedEntries } from '../run/Feed';
import { Obligations } from '../run/Obligations';
import { RunHeader } from '../run/RunHeader';
import { RunWarnings } from '../run/RunWarnings';
import { Markdown } from '../Markdown';
import { JumpTo } from './JumpTo';
import { ParticipantDecisions } from './ParticipantDecisions';
import { ParticipantMoves } from './ParticipantMoves';

export function ParticipantRoleView({ run, role, name }: { readonly run: ActiveRun; readonly role: RoleId; readonly name: string }) {
  const submit = useStore((s) => s.submit);
  // The shared run panels (Classification) act through the run-screen context: here, always in this participant's role.
  const actions = useMemo(() => participantActions(run, role, submit), [run, role, submit]);
  const brief = run.pack.roles.find((r) => r.role === role)?.brief ?? '';
  const visible = feedEntries(run.pack, run.state.feed).filter((entry) => entry.visibleTo === 'all' || entry.visibleTo.includes(role));
  const open = run.pack.decisions.some((d) => run.state.decisions[d.id]?.status === 'open');
  const targets = [
    ...(open ? [{ id: 'my-decisions-title', label: 'Decisions' }] : []),
    { id: 'feed-title', label: 'Messages' },
    { id: 'my-brief-title', label: 'Brief' },
    { id: 'my-moves-title', label: 'Moves' },
    { id: 'classify-title', label: 'Classify' },
    { id: 'obligations-title', label: 'Clocks' },
  ];
  return (
    <RunActionsContext.Provider value={actions}>
    <section className="participant-view" aria-labelledby="participant-title">
      <h1 id="participant-title" className="participant-title">
        {ROLE_TITLES[role]} <span className="hint">— {name}</span>
      </h1>
      <RunHeader run={run} controls={false} />
      <JumpTo targets={targets} />
      <RunWarnings run={run} />
      {run.state.phase === 'setup' ? <p className="banner banner-info">The exercise has not started yet. Read your brief while you wait.</p> : null}
      {run.state.phase === 'ended' ? <p className="banner banner-info">The run has ended. The facilitator takes you through the debrief.</p> : null}
      <ParticipantDecisions run={run} role={role} />
      <Feed pack={run.pack} entries={visible} attachments={run.attachments} heading="Messages for you" />
      <details className="card participant-brief" open={run.state.phase === 'setup'}>
        <summary>
          <h2 id="my-brief-title">Your brief</h2>
        </summary>
        {brief ? <Markdown source={brief} /> : <p className="hint">This scenario has no private brief for your role.</p>}
      </details>
      <ParticipantMoves run={run} role={role} />
      <Classification />
      <Obligations run={run} />
    </section>
    </RunActionsContext.Provider>
  );
}
