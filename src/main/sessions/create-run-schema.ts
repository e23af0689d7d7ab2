/**
 * The one schema of a create-run request (untrusted: it comes over IPC).
 * The IPC validators and the session manager both use it.
 */
import { z } from 'zod';
import { commandSchema, packIdSchema } from '../../engine';
import type { CreateRunRequest } from '../../shared/runs';

/** A create-run request: pack, mode, participants, optional title, seed, time pressure, coaching and quiet-period skipping. */
export const createRunRequestSchema = z.strictObject({
  packId: packIdSchema,
  mode: z.enum(['solo', 'facilitated']),
  participants: z.array(z.string().trim().min(1).max(200)).max(100),
  title: z.string().trim().max(200).optional(),
  seed: z.number().int().min(0).max(0xffffffff).optional(),
  // The bounds of the engine's own `clock.setCompression`, which the session logs with this value after `run.start`.
  compression: z
    .number()
    .optional()
    .refine((value) => value === undefined || commandSchema.safeParse({ type: 'clock.setCompression', compression: value }).success, {
      message: 'must be a speed the clock accepts (more than 0, at most 10,000 scenario minutes per second)',
    }),
  coached: z.boolean().optional(),
  skipQuietPeriods: z.boolean().optional(),
}) satisfies z.ZodType<CreateRunRequest>;
