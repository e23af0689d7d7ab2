/** Helpers that drive the reducer in tests and fail loudly on unexpected outcomes. */
import { testRunId } from '../../ids';
import { expect } from 'vitest';
import type { z } from 'zod';
import { applyCommand, commandSchema, createRun, ENGINE_VERSION, simMinutes } from '../../../src/engine';
import type { Actor, Command, Fact, Pack, Rejection, RunHeader, RunState } from '../../../src/engine';

/** A command as a test writes it (plain ids and minutes), read by the command schema as every command the engine receives is. */
export type WrittenCommand = z.input<typeof commandSchema>;

/** `command` read by the command schema (a malformed test command fails here, naming the field). */
export const written = (command: WrittenCommand): Command => commandSchema.parse(command);

/** A run header for tests. */
export function testHeader(pack: Pack, seed = 1): RunHeader {
  return {
    runId: testRunId('test-run'),
    engineVersion: ENGINE_VERSION,
    packId: pack.id,
    packVersion: pack.version,
    packHash: 'test',
    seed,
    mode: 'solo',
    createdAt: '2030-01-01T00:00:00.000Z',
    participants: [],
  };
}

/** Applies a command that must be accepted; returns the new state and the facts. */
export function accept(pack: Pack, state: RunState, by: Actor, input: WrittenCommand): { state: RunState; facts: readonly Fact[] } {
  const command = written(input);
  const result = applyCommand(pack, state, { by, command });
  if (!result.ok) throw new Error(`expected ${command.type} to be accepted, got ${result.error.code}: ${result.error.message}`);
  return { state: result.value.state, facts: result.value.facts };
}

/** Applies a command that must be refused; checks the code and returns the rejection. */
export function refuse(pack: Pack, state: RunState, by: Actor, input: WrittenCommand, code: Rejection['code']): Rejection {
  const command = written(input);
  const result = applyCommand(pack, state, { by, command });
  if (result.ok) throw new Error(`expected ${command.type} to be refused with ${code}, but it was accepted`);
  expect(result.error.code).toBe(code);
  return result.error;
}

/** A new run of `pack` in setup. */
export function newRun(pack: Pack, seed = 1): RunState {
  return createRun(pack, testHeader(pack, seed));
}

/** A run of `pack` that has been started (minute 0). */
export function startedRun(pack: Pack, seed = 1): RunState {
  return accept(pack, newRun(pack, seed), 'system', { type: 'run.start' }).state;
}

/** Applies a sequence of accepted commands. */
export function acceptAll(pack: Pack, state: RunState, steps: readonly (readonly [Actor, WrittenCommand])[]): RunState {
  return steps.reduce((s, [by, command]) => accept(pack, s, by, command).state, state);
}

/** Advances a started run to `to`. */
export function advance(pack: Pack, state: RunState, to: number): RunState {
  return accept(pack, state, 'system', { type: 'clock.advance', to: simMinutes(to) }).state;
}

/** Types of the facts, in order. */
export const factTypes = (facts: readonly Fact[]): string[] => facts.map((f) => f.type);
