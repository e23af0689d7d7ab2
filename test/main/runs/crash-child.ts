/**
 * Child process of crash.test.ts: creates a run in the folder given as
 * argv[2], then submits commands as fast as it can (some in parallel, so
 * batches are exercised) and prints `ack <entry JSON>` for every entry
 * whose submit promise resolved, i.e. that the session acknowledged. The
 * parent kills it with SIGKILL at a random moment.
 */
import { join } from 'node:path';
import type { Command } from '../../../src/engine/index';
import { createRunStore } from '../../../src/main/runs/run-store';
import { createSessionManager } from '../../../src/main/sessions/session-manager';
import { fixtureLibrary } from '../sessions/helpers/session-fixtures';
import { testDeps } from './helpers/run-fixtures';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-child <dataDir>');

const library = fixtureLibrary(dataDir);
const manager = createSessionManager({
  store: createRunStore({ runsDir: join(dataDir, 'runs'), deps: testDeps }),
  library,
  // Frozen time and no ticks: the commands alone drive the log (the child advances the clock itself).
  monotonicNow: () => 0,
  scheduler: { setInterval: () => 0, clearInterval: () => {} },
});

process.stdout.write('creating\n');
const created = await manager.create({ packId: library.packId, mode: 'solo', participants: ['Crash'] });
if (!created.ok) throw new Error(created.error.message);
const runId = created.value.header.runId;
process.stdout.write(`ready ${runId}\n`);

const submit = async (by: string, command: Command) => {
  const result = await manager.submit(runId, { by, command });
  if (!result.ok) throw new Error(`${command.type}: ${result.rejection.message}`);
  for (const entry of result.entries) process.stdout.write(`ack ${JSON.stringify(entry)}\n`);
};

await submit('facilitator', { type: 'run.start' });
for (let minute = 1; minute < 480; minute += 1) {
  await Promise.all([
    submit('facilitator', { type: 'clock.advance', to: minute }),
    submit('facilitator', { type: 'note.add', text: `minute ${minute}: ${'x'.repeat(minute % 97)}` }),
    submit('incident-lead', { type: 'severity.classify', level: ((minute % 5) + 1) as 1 | 2 | 3 | 4 | 5 }),
  ]);
}
process.stdout.write('done\n');
