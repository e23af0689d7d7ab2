/**
 * Entry of the pack-loading worker thread (see worker-loader.ts): loads each
 * requested path with `loadPack` and posts its progress and result back, so
 * reading, parsing and validating a large pack never blocks the main thread.
 */
import { parentPort } from 'node:worker_threads';
import { loadPack } from './load-pack';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('load-worker.ts runs as a worker thread');

port.on('message', (request: WorkerRequest) => {
  const reply = (message: WorkerReply) => port.postMessage(message);
  void loadPack(request.path, { onProgress: (progress) => reply({ id: request.id, progress }) }).then((result) => reply({ id: request.id, result }));
});
