/**
 * What needs the team now, most urgent first: open decision prompts (a
 * severity or R3AI question is answered in the one Classify panel, so it is
 * listed here with a way there) and regulatory clocks with under an hour
 * left. The box keeps its size, so an arrival moves nothing else.
 */
import { formatSimTime } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';
import { firstLine } from '../../lib/describe-entry';
import { actorLabel } from '../../lib/labels';
import { needsNow } from '../../lib/needs-now';
import { countdown } from '../../lib/time';
import { ActionButton } from './ActionButton';
import { DecisionForm } from './DecisionForm';

export function NeedsNow() {
  const { run } = useRunActions();
  const { pack, state } = run;
  const needs = needsNow(pack, state);
  return (
    <section className="panel needs-now" aria-labelledby="needs-title">
      <h2 id="needs-title" tabIndex={-1}>
        Needs you now{needs.length > 0 ? ` (${needs.length})` : ''}
      </h2>
      <div className="panel-body">
        {needs.length === 0 ? <p className="hint">Nothing waits for an answer right now. New prompts and clocks under an hour appear here.</p> : null}
        <ul className="needs-list">
          {needs.map((need) => {
            if (need.kind === 'deadline') {
              const obligation = pack.obligations.find((o) => o.id === need.obligationId)!;
              const record = state.obligations[need.obligationId]!;
              return (
                <li key={`o-${need.obligationId}`} className="need need-deadline">
                  <p className="need-title">Regulatory clock: {obligation.title}</p>
                  <p className="countdown">{countdown(state, need.left)} (due {formatSimTime(pack.clock.start, record.dueAt)})</p>
                  <p className="hint">
                    {obligation.basis} · to {obligation.recipient} · owner {actorLabel(obligation.owner)} · met by{' '}
                    {obligation.satisfiedBy.map((id) => pack.moves.find((m) => m.id === id)?.label ?? id).join(' or ')}
                  </p>
                </li>
              );
            }
            const decision = pack.decisions.find((d) => d.id === need.decisionId)!;
            if (decision.kind === 'severity' || decision.kind === 'r3ai') {
              return (
                <li key={`d-${decision.id}`} className="need need-classify">
                  <p className="need-title">{decision.kind === 'severity' ? 'Asked for a V-SEV severity' : 'Asked for the R3AI category'}: {firstLine(decision.prompt)}</p>
                  <p className="countdown">{need.left === undefined ? 'No time limit' : countdown(state, need.left)}</p>
                  <ActionButton action="classify" label="Answer in the Classify panel" />
                </li>
              );
            }
            return (
              <li key={`d-${decision.id}`} className="need">
                <DecisionForm decision={decision} />
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
