/**
 * Runtime validators for every IPC channel's arguments: the renderer is
 * treated as untrusted, so nothing reaches a handler unchecked. Commands
 * inside `submitCommand` are validated again, fully, by the session.
 */
import { z } from 'zod';
import { RUN_ID_PATTERN, UNSAVED_CHOICES } from '../../shared/runs';
import { REPORT_FORMATS } from '../../shared/ipc';
import { createRunRequestSchema } from '../sessions/create-run-schema';
import { settingsPatchSchema } from '../settings/settings-schema';
import type { Validators } from './dispatcher';

const none = z.tuple([]);
const runId = z.string().regex(RUN_ID_PATTERN, 'must be a run id');
const packId = z.string().regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be a pack id');
const path = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'must not contain NUL');

// `by` and `command` are checked against the engine's schemas by the session (one source of truth).
const submitRequest = z.strictObject({ by: z.unknown(), command: z.unknown() });

/** One validator per channel (the type checker insists every channel has one). */
export const validators: Validators = {
  getAppInfo: none,
  getSettings: none,
  updateSettings: z.tuple([settingsPatchSchema]),
  listPacks: none,
  getPack: z.tuple([packId]),
  choosePackSource: z.tuple([z.enum(['folder', 'file'])]),
  importPack: z.tuple([path, z.strictObject({ replace: z.boolean().optional() })]),
  removePack: z.tuple([packId]),
  listRuns: none,
  createRun: z.tuple([createRunRequestSchema]),
  openRun: z.tuple([runId]),
  closeRun: z.tuple([runId, z.strictObject({ discardUnsaved: z.boolean().optional() }).optional()]),
  submitCommand: z.tuple([runId, submitRequest]) as unknown as Validators['submitCommand'],
  deleteRun: z.tuple([runId]),
  exportRun: z.tuple([runId]),
  importRun: none,
  exportReport: z.tuple([runId, z.enum(REPORT_FORMATS)]),
  openPresenter: z.tuple([runId]),
  answerUnsavedPrompt: z.tuple([z.string().uuid('must be a prompt id'), z.enum(UNSAVED_CHOICES)]),
};
