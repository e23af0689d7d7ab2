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
import { needsNow, type Need } from '../../lib/needs-now';
import { useSettledOrder } from '../../useSettledOrder';
import { countdown } from '../../lib/time';
import { ActionButton } from './ActionButton';
import { DecisionForm } from './DecisionForm';

const keyOf = (need: Need) => (need.kind === 'decision' ? `d:${need.decisionId}` : `o:${need.obligationId}`);

export function NeedsNow() {
  const { run } = useRunActions();
  const { pack, state } = run;
  const needs = needsNow(pack, state);
  // Between the person's own actions nothing moves: a closed item stays (marked) and new ones come at the end.
  const items = useSettledOrder(needs.map(keyOf));
  const open = needs.length;
  return (
    <section className="panel needs-now" aria-labelledby="needs-title">
      <h2 id="needs-title" tabIndex={-1}>
        Needs you now{open > 0 ? ` (${open})` : ''}
      </h2>
      <div className="panel-body" tabIndex={0} aria-label="What needs you now, most urgent first">
        {items.length === 0 ? <p className="hint">Nothing waits for an answer right now. New prompts and clocks under an hour appear here.</p> : null}
        <ul className="needs-list">
          {items.map(({ key, closed }) => (
            <NeedItem key={key} itemKey={key} closed={closed} needs={needs} />
          ))}
        </ul>
      </div>
    </section>
  );
}

const CLOSED_TEXT = { answered: 'Answered', expired: 'No decision in time: it expired', open: '', met: 'Met', 'met-late': 'Met late', overdue: 'Overdue: the deadline passed', running: '' } as const;

function NeedItem({ itemKey, closed, needs }: { readonly itemKey: string; readonly closed: boolean; readonly needs: readonly Need[] }) {
  const { run } = useRunActions();
  const { pack, state } = run;
  const [kind, id] = [itemKey.slice(0, 1), itemKey.slice(2)];
  const need = needs.find((n) => keyOf(n) === itemKey);
  if (kind === 'o') {
    const obligation = pack.obligations.find((o) => o.id === id)!;
    const record = state.obligations[obligation.id]!;
    return (
      <li className={`need need-deadline${closed ? ' need-closed' : ''}`}>
        <p className="need-title">Regulatory clock: {obligation.title}</p>
        <p className="countdown">
          {closed || need?.kind !== 'deadline' ? CLOSED_TEXT[record.status] : `${countdown(state, need.left)} (due ${formatSimTime(pack.clock.start, record.dueAt)})`}
        </p>
        <p className="hint">
          {obligation.basis} · to {obligation.recipient} · owner {actorLabel(obligation.owner)} · met by{' '}
          {obligation.satisfiedBy.map((m) => pack.moves.find((mv) => mv.id === m)?.label ?? m).join(' or ')}
        </p>
      </li>
    );
  }
  const decision = pack.decisions.find((d) => d.id === id)!;
  const record = state.decisions[decision.id]!;
  const left = need?.kind === 'decision' ? need.left : undefined;
  if (decision.kind === 'severity' || decision.kind === 'r3ai') {
    return (
      <li className={`need need-classify${closed ? ' need-closed' : ''}`}>
        <p className="need-title">
          {decision.kind === 'severity' ? 'Asked for a V-SEV severity' : 'Asked for the R3AI category'}: {firstLine(decision.prompt)}
        </p>
        <p className="countdown">{closed ? CLOSED_TEXT[record.status] : left === undefined ? 'No time limit' : countdown(state, left)}</p>
        {closed ? <p className="hint">Closed.</p> : <ActionButton action="classify" label="Answer in the Classify panel" />}
      </li>
    );
  }
  return (
    <li className={`need${closed ? ' need-closed' : ''}`}>
      <DecisionForm decision={decision} closed={closed ? CLOSED_TEXT[record.status] : undefined} />
    </li>
  );
}
