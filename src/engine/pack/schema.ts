/**
 * The scenario pack format, version 1 — written once here. TypeScript types
 * are inferred from it and `vaim schema` emits the JSON Schema authors use
 * for editor completion. Cross-reference checks live in `cross-check.ts`.
 */
import { z } from 'zod';
import { actorSchema, commandSchema } from '../command-schema';
import { conditionSchema } from './condition';
import { effectsSchema } from './effect';
import { durationSchema, idSchema, markdownSchema, textSchema } from './primitives';
import {
  CHANNELS,
  DIFFICULTIES,
  MOVE_MARKS,
  R3AI_CATEGORIES,
  ROLE_IDS,
  type SEVERITY_LEVELS,
  STAGES,
} from './vocabulary';

/** The pack format version this engine reads natively. */
export const PACK_FORMAT_VERSION = 1;

const roleSchema = z.enum(ROLE_IDS);
const severitySchema = z
  .number()
  .int('must be a V-SEV level 1 to 5')
  .min(1, 'must be a V-SEV level 1 to 5')
  .max(5, 'must be a V-SEV level 1 to 5') as unknown as z.ZodType<(typeof SEVERITY_LEVELS)[number]>;
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `has more than ${max} entries`);

const systemSchema = z.strictObject({
  name: textSchema,
  purpose: markdownSchema,
  provider: textSchema.describe('Who develops the AI system and places it on the market'),
  deployer: textSchema.describe('Who uses the AI system under its own authority'),
  ourRole: z.enum(['provider', 'deployer', 'provider-and-deployer']).describe('Which of the two the exercising organisation is'),
  riskClass: textSchema.describe('EU AI Act risk class, e.g. "High-risk (Annex III point 4(a))"'),
  decisionsPerDay: z.number().int().nonnegative(),
  personalData: z.boolean(),
  affectedPopulation: textSchema,
  description: markdownSchema.optional(),
});

const clockSchema = z.strictObject({
  start: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2027-12-06T08:30:00Z' }),
  end: durationSchema.describe('Scenario length from the start'),
  compression: z.number().positive().max(10_000).describe('Default scenario minutes per real second'),
  decisionCountdown: durationSchema.optional().describe('Default countdown of decision prompts'),
});

const roleBriefSchema = z.strictObject({ role: roleSchema, brief: markdownSchema });

const numberVariable = z.strictObject({
  id: idSchema,
  label: textSchema,
  type: z.literal('number'),
  initial: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().max(40).optional(),
  accrue: z
    .strictObject({
      rate: z.union([idSchema, z.number()]).describe('A number variable id or a constant'),
      per: z.enum(['minute', 'hour', 'day']),
      while: conditionSchema.optional(),
    })
    .optional(),
});
const booleanVariable = z.strictObject({
  id: idSchema,
  label: textSchema,
  type: z.literal('boolean'),
  initial: z.boolean(),
});
const enumVariable = z.strictObject({
  id: idSchema,
  label: textSchema,
  type: z.literal('enum'),
  values: z.array(idSchema).min(1).max(50),
  initial: idSchema,
});
const variableSchema = z.discriminatedUnion('type', [numberVariable, booleanVariable, enumVariable]);

const attachmentSchema = z.strictObject({
  path: z.string().min(1).max(300).describe('File inside the pack folder (Markdown, text, PNG, JPEG)'),
  title: textSchema,
});

const injectSchema = z.strictObject({
  id: idSchema,
  stage: z.enum(STAGES).describe('The V-AIM stage this inject belongs to'),
  at: durationSchema.optional().describe('Timed: fires at this scenario time'),
  jitter: durationSchema.optional().describe('Timed only: fires up to this much later, chosen by the run seed'),
  when: conditionSchema.optional().describe('Triggered: fires when this condition first holds'),
  delay: durationSchema.optional().describe('Triggered only: fires this long after the condition first holds'),
  channel: z.enum(CHANNELS),
  from: z.string().max(200).optional(),
  title: textSchema,
  body: markdownSchema,
  attachments: list(attachmentSchema, 20).optional(),
  visibleTo: z.union([z.literal('all'), z.array(roleSchema).min(1)]).default('all'),
  effects: effectsSchema.optional(),
  opens: list(idSchema, 10).optional().describe('Decision prompts this inject opens'),
});

const optionSchema = z.strictObject({
  id: idSchema,
  label: textSchema,
  rationale: markdownSchema.optional(),
  effects: effectsSchema.optional(),
});

const decisionSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['severity', 'r3ai', 'single', 'multiple', 'text']),
  prompt: markdownSchema,
  askedTo: z.array(roleSchema).min(1).optional(),
  countdown: durationSchema.optional(),
  options: list(optionSchema, 20).optional(),
  best: list(idSchema, 20).optional().describe('Reference answer: the option ids a strong team picks'),
  onExpire: z
    .strictObject({ effects: effectsSchema.optional(), note: z.string().max(2000).optional() })
    .optional(),
});

const moveSchema = z.strictObject({
  id: idSchema,
  label: textSchema,
  stage: z.enum(STAGES),
  owner: z.union([roleSchema, z.array(roleSchema).min(1)]),
  description: markdownSchema.optional(),
  requires: conditionSchema.optional(),
  requiresText: z.string().max(500).optional().describe('Shown when the precondition fails'),
  delay: durationSchema.optional().describe('Time before the effects apply'),
  effects: effectsSchema.optional(),
  repeatable: z.boolean().default(false),
  recipient: z.string().max(200).optional(),
  marks: list(z.enum(MOVE_MARKS), 6).optional(),
});

const obligationSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  basis: textSchema.describe('Legal basis, e.g. "EU AI Act Art. 73(2)"'),
  description: markdownSchema.optional(),
  trigger: conditionSchema,
  deadline: durationSchema.describe('Time allowed from the moment the trigger first holds'),
  recipient: textSchema,
  owner: roleSchema,
  satisfiedBy: z.array(idSchema).min(1),
});

const recoverySchema = z.strictObject({
  restartMoves: z.array(idSchema).min(1),
  criteria: list(z.strictObject({ id: idSchema, label: textSchema, condition: conditionSchema }), 30),
});

const timelineEntrySchema = z.strictObject({
  at: durationSchema.optional(),
  by: actorSchema,
  command: commandSchema,
});

const choiceSchema = z.strictObject({ id: idSchema, label: textSchema, expected: z.boolean() });

const referenceSchema = z.strictObject({
  severity: z
    .array(z.strictObject({ at: durationSchema, level: severitySchema, rationale: markdownSchema }))
    .min(1),
  r3ai: z.enum(R3AI_CATEGORIES),
  r3aiRationale: markdownSchema.optional(),
  tempo: z.partialRecord(z.enum(['1', '2', '3', '4', '5']), durationSchema).optional(),
  boardWithin: durationSchema.optional().describe('Board briefing expected within this time of V4 (default 4h)'),
  required: list(
    z.strictObject({
      move: idSchema,
      within: durationSchema,
      from: z.union([z.literal('start'), z.strictObject({ inject: idSchema })]).default('start'),
      reason: textSchema,
    }),
    100,
  ),
  forbidden: list(z.strictObject({ move: idSchema, reason: textSchema }), 100),
  timeline: list(timelineEntrySchema, 2000),
  trace: z.strictObject({
    trust: markdownSchema,
    rootCause: z.strictObject({
      candidates: list(z.strictObject({ id: idSchema, label: textSchema, correct: z.boolean() }), 20),
      explanation: markdownSchema,
    }),
    accountability: list(z.strictObject({ stage: z.enum(STAGES), role: roleSchema, responsibility: markdownSchema }), 50),
    corrections: list(choiceSchema, 50),
    evolutions: list(choiceSchema, 50),
  }),
});

const weightsSchema = z.strictObject(
  Object.fromEntries(STAGES.map((s) => [s, z.number().nonnegative().max(100).optional()])) as Record<
    (typeof STAGES)[number],
    z.ZodOptional<z.ZodNumber>
  >,
);

/** Zod schema of a whole pack (format version 1). */
export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z
    .literal(PACK_FORMAT_VERSION, { message: `must be ${PACK_FORMAT_VERSION} (the pack format version)` })
    .describe('The pack format version; older formats are migrated when read'),
  id: idSchema.describe('Unique id of the pack, e.g. biased-hiring'),
  version: z.string().regex(/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/, 'must be a version like 1.0.0').describe('Version of the pack content (semver)'),
  title: textSchema,
  summary: markdownSchema,
  authors: z.array(textSchema).min(1),
  licence: textSchema,
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like en or en-GB'),
  sector: textSchema,
  r3ai: z.enum(R3AI_CATEGORIES).describe('The R3AI category of the failure the scenario is about'),
  difficulty: z.enum(DIFFICULTIES),
  durationMinutes: z.number().int().positive().max(1440).describe('Expected real-time length of the exercise'),
  tags: list(z.string().min(1).max(40), 30).default([]),
  system: systemSchema.describe('Profile of the AI system, shown in the briefing'),
  situation: markdownSchema.describe('The situation at T0, shown in the briefing'),
  clock: clockSchema.describe('Scenario start, length and default speed'),
  roles: z.array(roleBriefSchema).min(1).max(6).describe('The command roles played, each with a private brief'),
  readiness: list(z.strictObject({ id: idSchema, label: textSchema }), 50).optional()
    .describe('Readiness checklist items; when absent the app default checklist of 12 applies'),
  variables: list(variableSchema, 200).describe('State variables (harm counters, model status, exposure, …)'),
  metrics: z.strictObject({
    harm: idSchema.describe('The number variable counting harm (the live harm counter)'),
    harmLabel: textSchema,
    dashboard: list(idSchema, 20).default([]),
  }),
  injects: list(injectSchema, 5000).describe('Everything that reaches the team: timed (at) or triggered (when)'),
  decisions: list(decisionSchema, 500).default([]).describe('Decision prompts, opened by injects or effects'),
  moves: list(moveSchema, 500).describe('The move catalogue: what the team can do, by stage and owning role'),
  obligations: list(obligationSchema, 100).default([]).describe('Regulatory clocks: a trigger, a deadline, the moves that meet them'),
  recovery: recoverySchema.describe('The recovery gate: restart moves and the criteria that must hold first'),
  reference: referenceSchema.describe('The reference playbook the team is scored against (the answer key)'),
  weights: weightsSchema.optional().describe('Stage weights for the score (defaults apply when absent)'),
  debrief: z
    .strictObject({ questions: list(textSchema, 50).default([]), facilitatorNotes: markdownSchema.default('') })
    .optional(),
});

/** A parsed pack (durations in minutes, defaults filled in). */
export type Pack = z.output<typeof packSchema>;
/** A pack as authors write it. */
export type PackInput = z.input<typeof packSchema>;
export type Inject = Pack['injects'][number];
export type Move = Pack['moves'][number];
export type Decision = Pack['decisions'][number];
export type Obligation = Pack['obligations'][number];
export type Variable = Pack['variables'][number];
export type Reference = Pack['reference'];
export type TimelineEntry = Reference['timeline'][number];
