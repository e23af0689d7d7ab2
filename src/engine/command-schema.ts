/**
 * The command set: every change to a run is one of these plain objects.
 * The same shapes appear in the run log, in `vaim play` scripts and in a
 * pack's reference timeline.
 */
import { z } from 'zod';
import { effectBranches } from './pack/effect';
import { actionItemIdSchema, decisionIdSchema, injectIdSchema, moveIdSchema, optionIdSchema, readinessIdSchema, simMinutesSchema, traceChoiceIdSchema } from './pack/primitives';
import { CHANNELS, R3AI_CATEGORIES, ROLE_IDS, SEVERITY_LEVELS } from './pack/vocabulary';

const roleSchema = z.enum(ROLE_IDS);
const severitySchema = z.literal(SEVERITY_LEVELS);
const freeText = z.string().max(10_000);
const shortText = z.string().trim().min(1).max(200);
const traceSectionSchema = z.enum(['trust', 'rootCause', 'accountability', 'correction', 'evolution']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');

/** Zod schema of every command, discriminated on `type`. */
export const commandSchema = z.discriminatedUnion('type', [
  // Prepare (setup phase)
  z.strictObject({ type: z.literal('role.assign'), role: roleSchema, participant: shortText }),
  z.strictObject({ type: z.literal('role.unassign'), role: roleSchema }),
  z.strictObject({ type: z.literal('readiness.set'), item: readinessIdSchema, value: z.boolean() }),
  // Run lifecycle and clock
  z.strictObject({ type: z.literal('run.start') }),
  z.strictObject({ type: z.literal('run.end'), reason: freeText.optional() }),
  z.strictObject({ type: z.literal('clock.advance'), to: simMinutesSchema }),
  z.strictObject({ type: z.literal('clock.pause') }),
  z.strictObject({ type: z.literal('clock.resume') }),
  z.strictObject({ type: z.literal('clock.setCompression'), compression: z.number().positive().max(10_000) }),
  z.strictObject({ type: z.literal('clock.jumpToNext') }),
  // Detect
  z.strictObject({ type: z.literal('severity.classify'), level: severitySchema, rationale: freeText.optional() }),
  z.strictObject({ type: z.literal('r3ai.classify'), category: z.enum(R3AI_CATEGORIES), rationale: freeText.optional() }),
  // Contain / Govern / Recover
  z.strictObject({ type: z.literal('move.make'), move: moveIdSchema, note: freeText.optional() }),
  z.strictObject({
    type: z.literal('decision.answer'),
    decision: decisionIdSchema,
    options: z.array(optionIdSchema).max(50).default([]),
    text: freeText.optional(),
  }),
  // Learn (TRACE)
  z.strictObject({ type: z.literal('trace.rootCause'), candidate: traceChoiceIdSchema }),
  z.strictObject({
    type: z.literal('trace.select'),
    section: z.enum(['correction', 'evolution']),
    ids: z.array(traceChoiceIdSchema).max(100),
  }),
  z.strictObject({ type: z.literal('trace.reflect'), section: traceSectionSchema, text: freeText }),
  z.strictObject({
    type: z.literal('trace.actionItem.add'),
    id: actionItemIdSchema,
    text: shortText,
    owner: roleSchema,
    due: isoDate,
  }),
  z.strictObject({ type: z.literal('trace.actionItem.remove'), id: actionItemIdSchema }),
  // Facilitator
  z.strictObject({ type: z.literal('inject.release'), inject: injectIdSchema }),
  z.strictObject({
    type: z.literal('inject.adhoc'),
    id: injectIdSchema,
    title: shortText,
    body: freeText,
    channel: z.enum(CHANNELS),
    visibleTo: z.union([z.literal('all'), z.array(roleSchema).min(1)]).default('all'),
    /** The facilitator's own change to the world (e.g. the regulator's attention rises): set or add a variable. */
    effects: z.array(z.union([effectBranches.set, effectBranches.add])).max(10).optional(),
  }),
  z.strictObject({ type: z.literal('note.add'), text: shortText.max(10_000) }),
]);

/** A command (the unit of change to a run). */
export type Command = z.output<typeof commandSchema>;
/** The `type` tag of a command. */
export type CommandType = Command['type'];
/** The command of a given type. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Who issued a command: a command role, the facilitator, or the system (session clock). */
export const actorSchema = z.union([roleSchema, z.literal('facilitator'), z.literal('system')]);
/** Who issued a command. */
export type Actor = z.output<typeof actorSchema>;
