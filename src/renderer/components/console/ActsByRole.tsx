/** The team's acts as they happen, by role (who holds it, what they did, when). */
import { formatSimTime, ROLE_TITLES } from '../../../engine';
import { useRunActions } from '../../actions/run-action-context';
import { actsByRole } from '../../lib/acts-by-role';
import { actorLabel } from '../../lib/labels';

export function ActsByRole() {
  const { run } = useRunActions();
  const groups = actsByRole(run.pack, run);
  return (
    <div className="acts-by-role">
      {groups.map(({ actor, acts }) => (
        <section key={actor} aria-labelledby={`acts-${actor}`} className="acts-group">
          <h3 id={`acts-${actor}`}>
            {actor === 'facilitator' || actor === 'system' ? actorLabel(actor) : `${actorLabel(actor)} — ${run.state.roles[actor] ?? 'unassigned'}`} ({acts.length})
          </h3>
          {acts.length === 0 ? (
            <p className="hint">Nothing yet{actor !== 'facilitator' && actor !== 'system' ? ` from the ${ROLE_TITLES[actor]}` : ''}.</p>
          ) : (
            <ol className="log-list">
              {[...acts].reverse().map((act) => (
                <li key={act.seq}>
                  <time>{formatSimTime(run.pack.clock.start, act.at)}</time> {act.text}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}
