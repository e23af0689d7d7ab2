/**
 * Dispatches IPC calls to handlers after validating their arguments. It is
 * plain Node (no electron), so the Electron adapter and the browser test
 * harness share exactly this code path.
 */
import type { z } from 'zod';
import type { Channel, IpcContract, IpcError, IpcResponse } from '../../shared/ipc';

/** A handler per channel, receiving validated arguments. */
export type Handlers = {
  readonly [C in Channel]: (...args: IpcContract[C]['args']) => Promise<IpcContract[C]['result']> | IpcContract[C]['result'];
};

/** A runtime validator per channel for its argument tuple. */
export type Validators = { readonly [C in Channel]: z.ZodType<IpcContract[C]['args']> };

/** A failure a handler raises on purpose, with a stable code and a message for people. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcError['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Calls a channel with untrusted arguments: validate, run, and wrap the outcome; never throws. */
export type Dispatch = (channel: string, args: readonly unknown[]) => Promise<IpcResponse<unknown>>;

/** Builds the dispatcher from handlers and validators. */
export function createDispatcher(handlers: Handlers, validators: Validators, log: (message: string) => void = () => {}): Dispatch {
  return async (channel, args) => {
    if (!Object.hasOwn(handlers, channel)) {
      return failure('invalid-arguments', `Unknown channel "${String(channel).slice(0, 80)}"`);
    }
    const key = channel as Channel;
    const parsed = validators[key].safeParse(args);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? ` at argument ${first.path.join('.')}` : '';
      return failure('invalid-arguments', `Invalid arguments for ${key}${where}: ${first?.message ?? 'rejected'}`);
    }
    try {
      const handler = handlers[key] as (...a: unknown[]) => unknown;
      return { ok: true, value: await handler(...(parsed.data as unknown[])) };
    } catch (error) {
      if (error instanceof IpcFailure) return failure(error.code, error.message);
      log(`IPC handler ${key} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return failure('failed', error instanceof Error ? error.message : 'The operation failed');
    }
  };
}

function failure(code: IpcError['code'], message: string): IpcResponse<never> {
  return { ok: false, error: { code, message } };
}
