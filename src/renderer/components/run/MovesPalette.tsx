/**
 * The palette of moves, grouped by V-AIM stage and labelled with the roles
 * that own them. Each card follows the state: "Needs" is what the engine
 * would refuse the move for right now (asked of the engine itself), "In
 * progress" until the move takes effect, "Done" only once it has. A move
 * made by a role that does not own it is recorded as outside that role's
 * authority — the palette asks before doing that.
 */
import { useMemo, useState } from 'react';
import { applyCommand, describeCondition, formatSimTime, formatSpan, ROLE_TITLES, STAGES, type Actor, type Move, type RoleId, type Stage, type SimMinutes } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';
import { actorLabel, STAGE_LABELS } from '../../lib/labels';
import type { ActiveRun } from '../../store/run-slice';
import { useStore } from '../../store/store';
import { Dialog } from '../Dialog';
import { Markdown } from '../Markdown';
import { Tabs } from '../Tabs';
import { Term } from '../Term';
import { ActingAs } from './ActingAs';

const owners = (move: Move): readonly RoleId[] => (typeof move.owner === 'string' ? [move.owner] : move.owner);

/** Why the engine would refuse the move now, in the pack's words, or undefined when it would accept it. */
function needsOf(run: ActiveRun, move: Move, by: Actor): string | undefined {
  if (run.state.phase !== 'running') return undefined;
  const result = applyCommand(run.pack, run.state, { by, command: { type: 'move.make', move: move.id } });
  if (result.ok || result.error.code !== 'precondition-failed') return undefined;
  return move.requiresText ?? (move.requires ? describeCondition(run.pack, move.requires) : result.error.message);
}

export function MovesPalette() {
  const { run, submit } = useRunActions();
  const actingAs = useStore((s) => s.actingAs);
  const [confirm, setConfirm] = useState<Move>();
  const stages = STAGES.filter((st) => run.pack.moves.some((m) => m.stage === st));
  const [stage, setStage] = useState<Stage>(stages.find((st) => st === 'contain') ?? stages[0] ?? 'contain');
  const solo = run.header.mode === 'solo';
  const make = (move: Move) => {
    // A solo learner holds every role: each move is made in the name of the role that owns it.
    if (solo) {
      void submit({ type: 'move.make', move: move.id }, owners(move)[0]);
      return;
    }
    const byRole = actingAs !== 'facilitator' && actingAs !== 'system';
    if (byRole && !owners(move).includes(actingAs)) setConfirm(move);
    else void submit({ type: 'move.make', move: move.id });
  };
  return (
    <section id="moves-panel" className="panel moves" aria-labelledby="moves-title">
      <h2 id="moves-title" tabIndex={-1}>Moves</h2>
      <div className="panel-body">
        {solo ? (
          <p className="hint">You hold all {run.pack.roles.length} roles: each move is made in the name of the role that owns it.</p>
        ) : (
          <ActingAs run={run} />
        )}
        <Tabs
          label="Moves by stage"
          idPrefix="moves"
          selected={stage}
          onSelect={(id) => setStage(id as Stage)}
          tabs={stages.map((st) => {
            const made = run.state.moves.filter((m) => run.pack.moves.find((mv) => mv.id === m.moveId)?.stage === st).length;
            return { id: st, label: made ? `${STAGE_LABELS[st]} (${made})` : STAGE_LABELS[st], panel: () => <StageMoves run={run} stage={st} actingAs={actingAs} onMake={make} /> };
          })}
        />
      </div>
      {confirm ? (
        <Dialog
          title="Outside this role's authority"
          onCancel={() => setConfirm(undefined)}
          actions={
            <>
              <button type="button" onClick={() => setConfirm(undefined)}>Cancel</button>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const move = confirm;
                  setConfirm(undefined);
                  void submit({ type: 'move.make', move: move.id });
                }}
              >
                Record it anyway
              </button>
            </>
          }
        >
          <p>
            “{confirm.label}” is owned by {owners(confirm).map((r) => `the ${ROLE_TITLES[r]}`).join(' or ')}. You are acting as {actorLabel(actingAs)}. It will be recorded as made
            outside that role's authority, and the debrief will say so.
          </p>
        </Dialog>
      ) : null}
    </section>
  );
}

function StageMoves(props: { readonly run: ActiveRun; readonly stage: Stage; readonly actingAs: Actor; readonly onMake: (move: Move) => void }) {
  const { run, stage, actingAs } = props;
  const moves = run.pack.moves.filter((m) => m.stage === stage);
  const solo = run.header.mode === 'solo';
  const needs = useMemo(() => new Map(moves.map((m) => [m.id, needsOf(run, m, solo ? owners(m)[0]! : actingAs)])), [moves, run, actingAs, solo]);
  return (
    <ul className="move-list">
      {moves.map((move) => (
        <MoveRow key={move.id} run={run} move={move} needs={needs.get(move.id)} onMake={() => props.onMake(move)} />
      ))}
    </ul>
  );
}

function MoveRow(props: { readonly run: ActiveRun; readonly move: Move; readonly needs: string | undefined; readonly onMake: () => void }) {
  const { run, move, needs } = props;
  const t = (m: SimMinutes) => formatSimTime(run.pack.clock.start, m);
  const last = run.state.moves.filter((m) => m.moveId === move.id).at(-1);
  const state = !last ? 'open' : move.repeatable ? 'repeat' : last.effective ? 'done' : 'in-progress';
  const active = run.state.phase === 'running';
  const label = state === 'done' ? 'Done' : state === 'in-progress' ? 'In progress' : state === 'repeat' ? 'Make again' : 'Make move';
  const status = !last
    ? needs
      ? `Needs: ${needs}`
      : move.delay
        ? `Available now · takes ${formatSpan(move.delay)} to take effect`
        : 'Available now · takes effect at once'
    : last.effective
      ? `Done: in effect since ${t(last.effectiveAt)} (made by ${actorLabel(last.by)})`
      : `In progress: made ${t(last.at)} by ${actorLabel(last.by)}, takes effect ${t(last.effectiveAt)}`;
  return (
    <li className={`move move-${state}${needs && !last ? ' move-blocked' : ''}`}>
      <div className="move-main">
        <span className="move-label">{move.label}</span>
        <span className="move-owner">
          {owners(move).map((r, i) => (
            <span key={r}>
              {i > 0 ? ' / ' : ''}
              <Term id={`role-${r}`}>{ROLE_TITLES[r]}</Term>
            </span>
          ))}
        </span>
      </div>
      <p className="move-status">
        {status}
        {last?.outsideAuthority ? ' · outside authority' : ''}
        {last?.gateViolation ? ' · before the recovery criteria held' : ''}
      </p>
      <details className="move-details">
        <summary>Details</summary>
        {move.description ? <Markdown source={move.description} /> : null}
        {move.recipient ? <p className="hint">To: {move.recipient}</p> : null}
      </details>
      <button type="button" onClick={props.onMake} disabled={!active || state === 'done' || state === 'in-progress'} aria-label={`${label}: ${move.label}`}>
        {label}
      </button>
    </li>
  );
}
