/** Starting runs over the real main for run-screen tests. */
import type { RunMode } from '../../src/engine';
import { setDesktopApi } from '../../src/renderer/api';
import { realMain } from './real-main';

/** A started run of the minimal pack (Ada leads, Linus is the technical lead), shown at `#/run/<id>`. */
export async function startedRun(mode: RunMode = 'solo', options: { packs?: readonly string[]; packId?: string; extra?: Record<string, unknown>; roles?: boolean } = {}) {
  const main = await realMain(options.packs ? { packs: options.packs } : {});
  const run = await main.createRun(mode, options.packId, options.extra);
  if (options.roles !== false) {
    await run.submit('facilitator', { type: 'role.assign', role: 'incident-lead', participant: 'Ada' });
    await run.submit('facilitator', { type: 'role.assign', role: 'technical-lead', participant: 'Linus' });
  }
  await run.submit('facilitator', { type: 'run.start' });
  setDesktopApi(main.api);
  window.location.hash = `#/run/${run.runId}`;
  return { main, ...run };
}
