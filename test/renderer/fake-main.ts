/**
 * A fake main process for component tests: one run session over the real
 * engine (commands validated and applied exactly as main would), exposed
 * through the fake DesktopApi. Storage and the clock are left out.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { applyCommand, createRun, actorSchema, commandSchema, packSchema, type LogEntry, type Pack, type RunHeader, type RunState } from '../../src/engine';
import type { SessionEvent, SessionView, SubmitResult } from '../../src/shared/runs';
import { fakeDesktopApi } from './fake-api';

/** The minimal fixture pack, parsed. */
export function minimalPack(): Pack {
  const text = readFileSync(resolve(import.meta.dirname, '../fixtures/packs/minimal/pack.yaml'), 'utf8');
  return packSchema.parse(parse(text));
}

export function fakeMain(options: { pack?: Pack; mode?: 'solo' | 'facilitated'; runId?: string } = {}) {
  const pack = options.pack ?? minimalPack();
  const runId = options.runId ?? 'run-1';
  const header: RunHeader = {
    runId,
    engineVersion: 1,
    packId: pack.id,
    packVersion: pack.version,
    packHash: 'hash',
    seed: 7,
    mode: options.mode ?? 'solo',
    createdAt: '2026-11-26T10:00:00.000Z',
    participants: ['Ada'],
  };
  let state: RunState = createRun(pack, header);
  const log: LogEntry[] = [];

  const submit = (request: { by: unknown; command: unknown }): SubmitResult => {
    const command = commandSchema.safeParse(request.command);
    const by = actorSchema.safeParse(request.by);
    if (!command.success || !by.success) return { ok: false, rejection: { code: 'invalid-command', message: 'invalid command' } };
    const result = applyCommand(pack, state, { by: by.data, command: command.data });
    if (!result.ok) return { ok: false, rejection: result.rejection };
    state = result.state;
    const entry: LogEntry = { seq: log.length + 1, by: by.data, command: command.data };
    log.push(entry);
    fake.emit('runEvent', { type: 'entries', runId, entries: [entry] } satisfies SessionEvent);
    return { ok: true, entries: [entry], saved: true };
  };

  const view = (): SessionView => ({
    runId,
    header,
    pack: { pack, attachments: {}, hash: 'hash' },
    entries: [...log],
    status: state.phase === 'ended' ? 'ended' : state.phase === 'setup' ? 'setup' : state.clock.paused ? 'paused' : 'running',
    persistence: { ok: true },
  });

  const fake = fakeDesktopApi({
    openRun: () => view(),
    submitCommand: (_runId, request) => submit(request as { by: unknown; command: unknown }),
  });
  return { ...fake, pack, header, log, state: () => state, submit, runId };
}
