/** The one schema of a run id, for every boundary that receives one (IPC, socket, stored and imported headers); kept apart from run-id.ts so the renderer's first chunk checks run ids without loading zod. */
import { z } from 'zod';
import { isRunId, RUN_ID_PATTERN } from './run-id';
import type { RunId } from './types';

export const runIdSchema = z
  .string()
  .regex(RUN_ID_PATTERN, 'must be a run id (letters, digits, "-" or "_", at most 64)')
  .pipe(z.custom<RunId>(isRunId));
