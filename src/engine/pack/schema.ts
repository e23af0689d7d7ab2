/**
 * The scenario pack format, version 1 — written once here. TypeScript types
 * are inferred from it and `vaim schema` emits the JSON Schema authors use
 * for editor completion. Cross-reference checks live in `cross-check.ts`.
 */
import { z } from 'zod';
import { actorSchema, commandSchema } from '../command-schema';
import { conditionSchema } from './condition';
import { effectsSchema } from './effect';
import {
  criterionIdSchema, decisionIdSchema, durationSchema, idSchema, injectIdSchema, markdownSchema, moveIdSchema, obligationIdSchema, optionIdSchema, packIdSchema,
  readinessIdSchema, textSchema, traceChoiceIdSchema, variableIdSchema,
} from './primitives';
import {
  CHANNELS,
  DIFFICULTIES,
  MOVE_MARKS,
  R3AI_CATEGORIES,
  ROLE_IDS,
  SEVERITY_LEVELS,
  STAGES,
  TRACE_SECTIONS,
} from './vocabulary';

/**
 * The pack format version this engine reads natively. Format 2 adds optional
 * fields (evidence-based reference severity, acceptable alternatives, act
 * marks and costs, obligation limbs and costs, the in-service condition of the
 * recovery gate, further harm counters, learning objectives); a format-1 pack
 * is carried forward unchanged by `migrate.ts`.
 */
export const PACK_FORMAT_VERSION = 2;

const roleSchema = z.enum(ROLE_IDS);
const severitySchema = z.literal(SEVERITY_LEVELS, { message: 'must be a V-SEV level 1 to 5' });
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
  id: variableIdSchema,
  label: textSchema,
  type: z.literal('number'),
  initial: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().max(40).optional(),
  accrue: z
    .strictObject({
      rate: z.union([variableIdSchema, z.number()]).describe('A number variable id or a constant'),
      per: z.enum(['minute', 'hour', 'day']),
      while: conditionSchema.optional(),
    })
    .optional(),
});
const booleanVariable = z.strictObject({
  id: variableIdSchema,
  label: textSchema,
  type: z.literal('boolean'),
  initial: z.boolean(),
});
const enumVariable = z.strictObject({
  id: variableIdSchema,
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
  id: injectIdSchema,
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
  opens: list(decisionIdSchema, 10).optional().describe('Decision prompts this inject opens'),
});

/**
 * What an act costs when it should not have been made (an unneeded filing, an
 * over-reaction). `when`: the cost applies only if this condition holds at the
 * moment the act is made (default: always).
 */
const costSchema = z.strictObject({
  points: z.number().positive().max(100).describe('Points of the 100-point total the act costs'),
  reason: textSchema.describe('Why the act is costly, shown in the debrief'),
  when: conditionSchema.optional().describe('The cost applies only when this holds as the act is made'),
});

const optionSchema = z.strictObject({
  id: optionIdSchema,
  label: textSchema,
  rationale: markdownSchema.optional(),
  effects: effectsSchema.optional(),
  marks: list(z.enum(MOVE_MARKS), 8).optional().describe('What choosing this option is, for scoring (e.g. misleading, restart)'),
  cost: costSchema.optional(),
});

const decisionSchema = z.strictObject({
  id: decisionIdSchema,
  kind: z.enum(['severity', 'r3ai', 'single', 'multiple', 'text']),
  prompt: markdownSchema,
  askedTo: z.array(roleSchema).min(1).optional(),
  countdown: durationSchema.optional(),
  options: list(optionSchema, 20).optional(),
  best: list(optionIdSchema, 20).optional().describe('Reference answer: the option ids a strong team picks'),
  onExpire: z
    .strictObject({ effects: effectsSchema.optional(), note: z.string().max(2000).optional() })
    .optional(),
});

const moveSchema = z.strictObject({
  id: moveIdSchema,
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
  marks: list(z.enum(MOVE_MARKS), 8).optional(),
  cost: costSchema.optional(),
});

const obligationSchema = z.strictObject({
  id: obligationIdSchema,
  title: textSchema,
  basis: textSchema.describe('Legal basis, e.g. "EU AI Act Art. 73(2)"'),
  description: markdownSchema.optional(),
  trigger: conditionSchema,
  deadline: durationSchema.describe('Time allowed from the moment the trigger first holds (the outer limit)'),
  earlierDeadlines: list(
    z.strictObject({
      after: conditionSchema.describe('This limb starts when the condition first holds while the obligation runs'),
      within: durationSchema,
      label: textSchema.optional().describe('The limb in words, e.g. "4 hours from classification as major"'),
    }),
    5,
  )
    .optional()
    .describe('Further limbs: the obligation is due at whichever deadline comes first'),
  recipient: textSchema,
  owner: roleSchema,
  satisfiedBy: z.array(moveIdSchema).min(1),
  missedCost: z.number().nonnegative().max(100).optional()
    .describe('Points of the 100-point total lost when the obligation is triggered and never met (default 15)'),
});

const recoverySchema = z.strictObject({
  restartMoves: z.array(moveIdSchema).min(1),
  inService: conditionSchema.optional()
    .describe('When the AI system is in service; every return to service is checked against the criteria at that minute'),
  breachCost: z.number().nonnegative().max(100).optional()
    .describe('Points of the 100-point total each return to service with an unmet criterion costs (default 25)'),
  criteria: list(z.strictObject({ id: criterionIdSchema, label: textSchema, condition: conditionSchema }), 30),
});

const timelineEntrySchema = z.strictObject({
  at: durationSchema.optional(),
  by: actorSchema,
  command: commandSchema,
});

const choiceSchema = z.strictObject({ id: traceChoiceIdSchema, label: textSchema, expected: z.boolean() });

const severityStepSchema = z.strictObject({
  at: durationSchema.optional().describe('The step applies from this scenario time (when it has no evidence)'),
  evidence: list(injectIdSchema, 20).optional()
    .describe('Injects the step rests on: it applies from the moment the first of them reaches the team'),
  level: severitySchema,
  accept: list(severitySchema, 5).optional().describe('Levels also acceptable at this step (the reference level is always acceptable)'),
  rationale: markdownSchema,
});

const requiredSchema = z.strictObject({
  move: moveIdSchema.optional().describe('The move required'),
  anyOf: list(moveIdSchema, 10).optional().describe('Alternative moves, any one of which meets the requirement'),
  within: durationSchema,
  from: z.union([z.literal('start'), z.strictObject({ inject: injectIdSchema })]).default('start'),
  reason: textSchema,
}).refine((r) => (r.move === undefined) !== (r.anyOf === undefined), {
  message: 'needs exactly one of move (one required move) or anyOf (alternatives, any one of which will do)',
});

const referenceSchema = z.strictObject({
  severity: z.array(severityStepSchema).min(1),
  r3ai: z.union([z.enum(R3AI_CATEGORIES), z.array(z.enum(R3AI_CATEGORIES)).min(1).max(3)])
    .describe('The R3AI category (or categories, the first the primary) of the failure'),
  r3aiRationale: markdownSchema.optional(),
  awareness: list(injectIdSchema, 20).optional()
    .describe('The signals that make the team aware: awareness is when the first of these injects reaches it'),
  tempo: z.partialRecord(z.enum(['1', '2', '3', '4', '5']), durationSchema).optional(),
  boardWithin: durationSchema.optional().describe('Board briefing expected within this time of V4 (default 4h)'),
  required: list(requiredSchema, 100),
  forbidden: list(
    z.strictObject({
      move: moveIdSchema,
      reason: textSchema,
      cost: z.number().positive().max(100).optional().describe('Points of the 100-point total the act costs (default 10)'),
    }),
    100,
  ),
  timeline: list(timelineEntrySchema, 2000),
  trace: z.strictObject({
    trust: markdownSchema,
    rootCause: z.strictObject({
      candidates: list(z.strictObject({ id: traceChoiceIdSchema, label: textSchema, correct: z.boolean() }), 20),
      explanation: markdownSchema,
    }),
    accountability: list(z.strictObject({ stage: z.enum(STAGES), role: roleSchema, responsibility: markdownSchema }), 50),
    corrections: list(choiceSchema, 50),
    evolutions: list(choiceSchema, 50),
    keywords: z
      .strictObject(Object.fromEntries(TRACE_SECTIONS.map((s) => [s, list(z.string().min(2).max(60), 40).optional()])) as Record<
        (typeof TRACE_SECTIONS)[number],
        z.ZodOptional<z.ZodArray<z.ZodString>>
      >)
      .optional()
      .describe('Terms a substantive reflection of each section mentions (default: drawn from the reference answers)'),
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
  id: packIdSchema.describe('Unique id of the pack, e.g. biased-hiring'),
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'must be a version like 1.0.0 (major.minor.patch, optionally followed by -pre-release and/or +build, e.g. 1.2.0-beta.1+5)').describe('Version of the pack content (semver)'),
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
  learningObjectives: list(textSchema, 12).default([]).describe('What the scenario teaches, shown on the library card'),
  system: systemSchema.describe('Profile of the AI system, shown in the briefing'),
  situation: markdownSchema.describe('The situation at T0, shown in the briefing'),
  clock: clockSchema.describe('Scenario start, length and default speed'),
  roles: z.array(roleBriefSchema).min(1).max(6).describe('The command roles played, each with a private brief'),
  readiness: list(z.strictObject({ id: readinessIdSchema, label: textSchema }), 50).optional()
    .describe('Readiness checklist items; when absent the app default checklist of 12 applies'),
  variables: list(variableSchema, 200).describe('State variables (harm counters, model status, exposure, …)'),
  metrics: z.strictObject({
    harm: variableIdSchema.describe('The number variable counting harm (the live harm counter)'),
    harmLabel: textSchema,
    harmScale: z.number().positive().optional()
      .describe('Extra harm beyond the reference at which the harm line reaches 0 (default: what doing nothing adds in the first day after awareness)'),
    harms: list(
      z.strictObject({
        var: variableIdSchema.describe('A further number variable counting harm (e.g. customers left unserved by an over-reaction)'),
        label: textSchema,
        scale: z.number().positive().optional().describe('Extra harm beyond the reference at which this counter\'s line reaches 0'),
      }),
      5,
    ).default([]),
    dashboard: list(variableIdSchema, 20).default([]),
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
