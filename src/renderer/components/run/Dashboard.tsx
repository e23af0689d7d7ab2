/** The pack's dashboard variables (e.g. model status, exposure, backlog). */
import type { ActiveRun } from '../../store/run-slice';
import { count } from '../../lib/numbers';

export function Dashboard({ run }: { readonly run: ActiveRun }) {
  const { pack, state } = run;
  const variables = pack.metrics.dashboard.map((id) => pack.variables.find((v) => v.id === id)).filter((v) => v !== undefined);
  if (variables.length === 0) return null;
  return (
    <section className="panel dashboard" aria-labelledby="dashboard-title" tabIndex={0}>
      <h2 id="dashboard-title">Situation board</h2>
      <dl className="facts">
        {variables.map((variable) => {
          const value = state.vars[variable.id];
          const shown =
            typeof value === 'number'
              ? `${count(value)}${variable.type === 'number' && variable.unit ? ` ${variable.unit}` : ''}`
              : typeof value === 'boolean'
                ? value
                  ? 'Yes'
                  : 'No'
                : String(value).replace(/-/g, ' ');
          return (
            <div key={variable.id} className="fact-row">
              <dt>{variable.label}</dt>
              <dd>{shown}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
