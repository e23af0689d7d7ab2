/**
 * What every command handler and clock step works with: the pack, its index,
 * the mutable working state, the acting actor and the facts emitted so far.
 */
import type { Actor } from './command-schema';
import type { DraftState } from './draft';
import type { Pack } from './pack/schema';
import type { PackIndex } from './pack-index';
import type { ActRef, Fact, Rejection, RejectionCode } from './types';

/** The working context of one command. */
export type Ctx = {
  readonly pack: Pack;
  readonly index: PackIndex;
  readonly state: DraftState;
  readonly by: Actor;
  readonly facts: Fact[];
  /** The act whose effects are being applied (set around every `applyEffects`). */
  cause?: ActRef | undefined;
  /** A variable the in-service condition reads changed, and the act that changed it last. */
  service?: { dirty: boolean; cause: ActRef | undefined } | undefined;
};

/** A handler's outcome: `undefined` when accepted, the rejection otherwise. */
export type Outcome = Rejection | undefined;

/** Builds a rejection. */
export const reject = (code: RejectionCode, message: string): Rejection => ({ code, message });

/** Quotes an id or value for messages. */
export const q = (value: unknown): string => JSON.stringify(value);
