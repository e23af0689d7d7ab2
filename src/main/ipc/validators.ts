/**
 * Runtime validators for every IPC channel's arguments: the renderer is
 * treated as untrusted, so nothing reaches a handler unchecked.
 */
import { z } from 'zod';
import type { Validators } from './dispatcher';

const settingsPatch = z
  .strictObject({
    largeText: z.boolean().optional(),
    highContrast: z.boolean().optional(),
    reduceMotion: z.boolean().optional(),
  });

const none = z.tuple([]);

/** One validator per channel (the type checker insists every channel has one). */
export const validators: Validators = {
  getAppInfo: none,
  getSettings: none,
  updateSettings: z.tuple([settingsPatch]),
};
