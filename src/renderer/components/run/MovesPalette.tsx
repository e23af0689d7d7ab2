/**
 * The palette of moves, grouped by V-AIM stage and labelled with the roles
 * that own them. A move made by a role that does not own it is recorded as
 * outside that role's authority — the palette asks before doing that.
 */
import { useState } from 'react';
import { ROLE_TITLES, STAGES, type Move, type RoleId, type Stage } from '../../../engine';
import { useStore } from '../../store/store';
import type { ActiveRun } from '../../store/run-slice';
import { actorLabel, STAGE_LABELS } from '../../lib/labels';
import { dayClock, duration } from '../../lib/time';
import { Dialog } from '../Dialog';
import { Markdown } from '../Markdown';

const owners = (move: Move): readonly RoleId[] => (typeof move.owner === 'string' ? [move.owner] : move.owner);

export function MovesPalette({ run }: { readonly run: ActiveRun }) {
  const actingAs = useStore((s) => s.actingAs);
  const submit = useStore((s) => s.submit);
  const [confirm, setConfirm] = useState<Move>();
  const stages = STAGES.filter((st) => run.pack.moves.some((m) => m.stage === st));
  const [stage, setStage] = useState<Stage>(stages.find((st) => st === 'contain') ?? stages[0] ?? 'contain');
  const active = run.state.phase === 'running';
  const make = (move: Move) => {
    const byRole = actingAs !== 'facilitator' && actingAs !== 'system';
    if (byRole && !owners(move).includes(actingAs)) setConfirm(move);
    else void submit({ type: 'move.make', move: move.id });
  };
  return (
    <section className="card moves" aria-labelledby="moves-title">
      <h2 id="moves-title">Moves</h2>
      <p className="hint">Acting as {actorLabel(actingAs)}. Moves take effect after their preparation time.</p>
      <StageTabs run={run} stage={stage} onSelect={setStage} />
      <section id={`moves-panel-${stage}`} role="tabpanel" aria-labelledby={`moves-tab-${stage}`} className="move-stage" tabIndex={0}>
        <ul className="move-list">
          {run.pack.moves
            .filter((m) => m.stage === stage)
            .map((move) => (
              <MoveRow key={move.id} run={run} move={move} disabled={!active} onMake={() => make(move)} />
            ))}
        </ul>
      </section>
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

/** Stage tabs (WAI-ARIA tabs: arrow keys move between stages). */
function StageTabs({ run, stage, onSelect }: { readonly run: ActiveRun; readonly stage: Stage; readonly onSelect: (stage: Stage) => void }) {
  const stages = STAGES.filter((st) => run.pack.moves.some((m) => m.stage === st));
  const onKeyDown = (event: React.KeyboardEvent) => {
    const index = stages.indexOf(stage);
    const next = event.key === 'ArrowRight' ? stages[(index + 1) % stages.length] : event.key === 'ArrowLeft' ? stages[(index - 1 + stages.length) % stages.length] : undefined;
    if (!next) return;
    event.preventDefault();
    onSelect(next);
    document.getElementById(`moves-tab-${next}`)?.focus();
  };
  return (
    <div role="tablist" aria-label="Moves by stage" className="stage-tabs" onKeyDown={onKeyDown}>
      {stages.map((st) => {
        const made = run.state.moves.filter((m) => run.pack.moves.find((mv) => mv.id === m.moveId)?.stage === st).length;
        return (
          <button
            key={st}
            id={`moves-tab-${st}`}
            type="button"
            role="tab"
            aria-selected={st === stage}
            aria-controls={`moves-panel-${st}`}
            tabIndex={st === stage ? 0 : -1}
            onClick={() => onSelect(st)}
          >
            {STAGE_LABELS[st]}
            {made ? <span className="tab-count"> ({made})</span> : null}
          </button>
        );
      })}
    </div>
  );
}

function MoveRow(props: { readonly run: ActiveRun; readonly move: Move; readonly disabled: boolean; readonly onMake: () => void }) {
  const { run, move } = props;
  const made = run.state.moves.filter((m) => m.moveId === move.id);
  const last = made[made.length - 1];
  const done = Boolean(last) && !move.repeatable;
  const descriptionId = `move-desc-${move.id}`;
  return (
    <li className={`move${done ? ' move-done' : ''}`}>
      <div className="move-main">
        <span className="move-label">{move.label}</span>
        <span className="move-owner">{owners(move).map((r) => ROLE_TITLES[r]).join(' / ')}</span>
        {move.delay ? <span className="move-delay">takes {duration(move.delay)}</span> : null}
      </div>
      {last ? (
        <p className="move-status">
          Made {dayClock(run.pack.clock.start, last.at)} by {actorLabel(last.by)}
          {last.effective ? '' : ` · takes effect ${dayClock(run.pack.clock.start, last.effectiveAt)}`}
          {last.outsideAuthority ? ' · outside authority' : ''}
          {last.gateViolation ? ' · before the recovery criteria held' : ''}
        </p>
      ) : null}
      <details className="move-details">
        <summary>Details</summary>
        <div id={descriptionId}>
          {move.description ? <Markdown source={move.description} /> : null}
          {move.requiresText ? <p className="hint">Needs: {move.requiresText}</p> : null}
          {move.recipient ? <p className="hint">To: {move.recipient}</p> : null}
        </div>
      </details>
      <button type="button" onClick={props.onMake} disabled={props.disabled || done} aria-label={`${done ? 'Done' : 'Make move'}: ${move.label}`}>
        {done ? 'Done' : 'Make move'}
      </button>
    </li>
  );
}
