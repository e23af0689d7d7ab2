/**
 * Runtime validators for every IPC channel's arguments: the renderer is
 * treated as untrusted, so nothing reaches a handler unchecked. Commands
 * inside `submitCommand` are validated again, fully, by the session.
 */
import { z } from 'zod';
import { type Actor, type Command, decisionIdSchema, optionIdSchema, packIdSchema, ROLE_IDS, runIdSchema } from '../../engine';
import { ROOM_LIMITS } from '../../shared/room';
import { UNSAVED_CHOICES } from '../../shared/runs';
import { REPORT_AUDIENCES, REPORT_FORMATS } from '../../shared/ipc';
import { createRunRequestSchema } from '../sessions/create-run-schema';
import { settingsPatchSchema } from '../settings/settings-schema';
import type { Validators } from './dispatcher';

const none = z.tuple([]);
const runId = runIdSchema;
const packId = packIdSchema;
/** A pack source picked in the native dialog (library-handlers.ts keeps its path). */
const choiceHandle = z.uuid('must be the handle of a pack chosen in the dialog');

const role = z.enum(ROLE_IDS);
const roomOptions = z.strictObject({
  allowRolePick: z.boolean(),
  tls: z.boolean(),
  cap: z.number().int().min(1).max(ROOM_LIMITS.maxCap),
});
const participantId = z.string().regex(/^p\d{1,9}$/, 'must be a participant id');
const joinRequest = z.strictObject({
  code: z.string().max(32),
  name: z.string().trim().min(1, 'must not be empty').max(ROOM_LIMITS.nameMax),
  role: role.optional(),
});
const token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a participant token');

// `by` and `command` are checked against the engine's schemas by the session (one source of truth), so
// here they are only typed.
const submitRequest = z.strictObject({ by: z.custom<Actor>(), command: z.custom<Command>() });

/** One validator per channel (the type checker insists every channel has one). */
export const validators: Validators = {
  getAppInfo: none,
  getSettings: none,
  updateSettings: z.tuple([settingsPatchSchema]),
  listPacks: none,
  getPack: z.tuple([packId]),
  choosePackSource: z.tuple([z.enum(['folder', 'file'])]),
  importPack: z.tuple([choiceHandle, z.strictObject({ replace: z.boolean().optional() })]),
  removePack: z.tuple([packId]),
  listRuns: none,
  createRun: z.tuple([createRunRequestSchema]),
  openRun: z.tuple([runId]),
  closeRun: z.tuple([runId, z.strictObject({ discardUnsaved: z.boolean().optional() }).optional()]),
  submitCommand: z.tuple([runId, submitRequest]),
  deleteRun: z.tuple([runId]),
  exportRun: z.tuple([runId]),
  importRun: none,
  exportReport: z.union([z.tuple([runId, z.enum(REPORT_FORMATS)]), z.tuple([runId, z.enum(REPORT_FORMATS), z.enum(REPORT_AUDIENCES)])]),
  openPresenter: z.tuple([runId]),
  openRoom: z.tuple([runId, roomOptions]),
  closeRoom: z.tuple([runId]),
  getRoom: z.tuple([runId]),
  assignRoomRole: z.tuple([runId, participantId, role.nullable()]),
  removeParticipant: z.tuple([runId, participantId]),
  releaseDebrief: z.tuple([runId]),
  joinRoom: z.tuple([joinRequest]),
  resumeRoom: z.tuple([token]),
  pickRole: z.tuple([role]),
  castVote: z.tuple([runId, decisionIdSchema, z.array(optionIdSchema).min(1).max(20)]),
  answerUnsavedPrompt: z.tuple([z.string().uuid('must be a prompt id'), z.enum(UNSAVED_CHOICES)]),
};
