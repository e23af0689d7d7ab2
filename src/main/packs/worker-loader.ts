/**
 * Loads packs on a worker thread, so that reading, parsing and validating a
 * large or hostile pack (a 20,000-inject pack takes seconds) never blocks the
 * main thread and with it every window. One worker, started on first use,
 * loads one request after another; progress is relayed as it comes. A load
 * that takes longer than the time limit is stopped (the worker is replaced,
 * the other requests go to the new one); a crash fails what was pending, and
 * the next load starts a fresh worker. Nothing here throws.
 */
import { Worker } from 'node:worker_threads';
import { err } from '../../engine';
import type { PackLoadProgress, PackLoadResult } from '../../shared/packs';
import { containerIssue } from './issues';
import { guessOrigin, loadPack } from './load-pack';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** Loads packs off the main thread. */
export type PackLoader = {
  readonly load: (path: string, onProgress?: (progress: PackLoadProgress) => void) => Promise<PackLoadResult>;
  /** Stops the worker; pending loads fail. */
  readonly close: () => Promise<void>;
};

export type WorkerLoaderOptions = {
  /**
   * The worker's code: the built `pack-worker.js` of the app. Omitted when
   * running from the TypeScript sources (tests, benchmarks, the browser E2E
   * harness): the entry `load-worker.ts` then runs through tsx.
   */
  readonly script?: URL;
  /** The longest one load may take. */
  readonly timeoutMs?: number;
};

/** A pack that takes longer than this to load is refused. */
export const LOAD_TIMEOUT_MS = 120_000;

/** True when this module runs from the TypeScript sources (tests, benchmarks, the E2E harness), not from a bundle. */
export const runningFromSources = (): boolean => import.meta.url.endsWith('.ts');

/**
 * A loader that loads in this thread: for headless uses bundled without the
 * worker's script (e.g. a test's child process). The app always has its worker.
 */
export function createInThreadLoader(): PackLoader {
  return { load: (path, onProgress) => loadPack(path, onProgress ? { onProgress } : {}), close: async () => {} };
}

function startWorker(script: URL | undefined): Worker {
  if (script) return new Worker(script);
  if (!runningFromSources()) throw new Error('The pack worker needs the URL of the built pack-worker.js');
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./load-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true });
}

type Pending = {
  readonly request: WorkerRequest;
  readonly onProgress: ((progress: PackLoadProgress) => void) | undefined;
  readonly resolve: (result: PackLoadResult) => void;
  readonly timer: ReturnType<typeof setTimeout>;
};

const failure = (path: string, message: string): PackLoadResult => {
  const origin = guessOrigin(path);
  return err({ origin, issues: [containerIssue(origin, message)] });
};

/** Creates the worker-backed loader. */
export function createWorkerLoader(options: WorkerLoaderOptions = {}): PackLoader {
  const timeoutMs = options.timeoutMs ?? LOAD_TIMEOUT_MS;
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let nextId = 1;
  let closed = false;

  // An idle worker must not keep the process alive; a busy one must.
  const updateRef = () => (pending.size > 0 ? worker?.ref() : worker?.unref());

  const settle = (id: number, result: PackLoadResult) => {
    const entry = pending.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.delete(id);
    updateRef();
    entry.resolve(result);
  };

  const failAll = (message: string) => {
    for (const [id, entry] of [...pending]) settle(id, failure(entry.request.path, message));
  };

  const spawn = (): Worker => {
    const started = startWorker(options.script);
    started.on('message', (reply: WorkerReply) => {
      if ('result' in reply) settle(reply.id, reply.result);
      else pending.get(reply.id)?.onProgress?.(reply.progress);
    });
    started.on('error', (error) => {
      if (worker !== started) return;
      worker = undefined;
      failAll(`could not be loaded because of an internal error (${error.message}); please report it`);
    });
    started.on('exit', () => {
      if (worker !== started) return;
      worker = undefined;
      failAll('could not be loaded: the loader stopped unexpectedly; try again');
    });
    return started;
  };

  const ensureWorker = (): Worker => (worker ??= spawn());

  /** Stops a load that takes too long: a new worker takes over the other requests. */
  const timeOut = (id: number) => {
    const entry = pending.get(id);
    if (!entry) return;
    settle(id, failure(entry.request.path, `took longer than ${Math.round(timeoutMs / 1000)} s to load, so it was stopped; it is far larger or more complex than a pack should be`));
    const old = worker;
    worker = undefined;
    void old?.terminate();
    if (pending.size === 0) return;
    const fresh = ensureWorker();
    for (const other of pending.values()) fresh.postMessage(other.request);
    updateRef();
  };

  return {
    load: (path, onProgress) => {
      if (closed) return Promise.resolve(failure(path, 'could not be loaded: the app is closing'));
      return new Promise<PackLoadResult>((resolve) => {
        const id = nextId++;
        const request: WorkerRequest = { id, path };
        let target: Worker;
        try {
          target = ensureWorker();
        } catch (error) {
          resolve(failure(path, `could not be loaded: the loader did not start (${error instanceof Error ? error.message : String(error)})`));
          return;
        }
        pending.set(id, { request, onProgress, resolve, timer: setTimeout(() => timeOut(id), timeoutMs) });
        updateRef();
        target.postMessage(request);
      });
    },
    close: async () => {
      closed = true;
      const old = worker;
      worker = undefined;
      failAll('could not be loaded: the app is closing');
      await old?.terminate();
    },
  };
}
