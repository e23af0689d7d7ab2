/**
 * A tiny but complete pack for engine tests, built through `packSchema.parse`
 * so it is a real parsed `Pack` (durations in minutes, defaults filled in).
 * Tests override the parts they exercise.
 *
 * What the base pack does (tests derive their expectations from these numbers):
 * - the clock ends after 1 day; decisions count down 60 minutes by default;
 * - `harm` accrues `rate` (6) per hour while `status` is `running`;
 * - `welcome` fires at 0, `alert` at 30 (sets `aware`, opens `sev`),
 *   `complaint` at 120 (opens `notify`, 30-minute countdown);
 * - `press` fires 60 minutes after `harm` reaches 30; `followup` fires as soon as
 *   `suspend` has been made;
 * - obligation `report` starts when `aware` holds, 2 hours, met by `notify-msa`;
 * - `restart` is gated by the criterion `fix-validated` (`fixed` is true), which
 *   the `fix` move (120 minutes delay, requires `suspend`) sets.
 */
import { type Pack, type PackInput, packSchema } from '../../../src/engine/pack/schema';

/** The base pack as an author would write it. */
export function basePackInput(): PackInput {
  return {
    format: 2,
    id: 'tiny',
    version: '1.0.0',
    title: 'Tiny test pack',
    summary: 'A pack for engine tests.',
    authors: ['Engine tests'],
    licence: 'CC0-1.0',
    language: 'en',
    sector: 'Testing',
    r3ai: 'responsibility',
    difficulty: 'introductory',
    durationMinutes: 30,
    system: {
      name: 'Screener',
      purpose: 'Screens applications.',
      provider: 'Vendor',
      deployer: 'Us',
      ourRole: 'deployer',
      riskClass: 'High-risk',
      decisionsPerDay: 100,
      personalData: true,
      affectedPopulation: 'Applicants',
    },
    situation: 'Monday morning.',
    clock: { start: '2030-01-07T09:00:00Z', end: '1d', compression: 3, decisionCountdown: 60 },
    roles: [
      { role: 'incident-lead', brief: 'Lead.' },
      { role: 'technical-lead', brief: 'Tech.' },
      { role: 'legal-lead', brief: 'Legal.' },
    ],
    variables: [
      { id: 'status', label: 'Model status', type: 'enum', values: ['running', 'suspended', 'restored'], initial: 'running' },
      { id: 'rate', label: 'Harm per hour', type: 'number', initial: 6, min: 0 },
      {
        id: 'harm',
        label: 'People harmed',
        type: 'number',
        initial: 0,
        min: 0,
        accrue: { rate: 'rate', per: 'hour', while: { var: 'status', eq: 'running' } },
      },
      { id: 'exposure', label: 'Exposure', type: 'number', initial: 0, min: 0, max: 3 },
      { id: 'aware', label: 'Aware', type: 'boolean', initial: false },
      { id: 'fixed', label: 'Fix validated', type: 'boolean', initial: false },
      { id: 'notified', label: 'Notified', type: 'boolean', initial: false },
    ],
    metrics: { harm: 'harm', harmLabel: 'People harmed' },
    injects: [
      { id: 'welcome', stage: 'detect', at: 0, channel: 'email', title: 'Welcome', body: 'Hello.' },
      {
        id: 'alert',
        stage: 'detect',
        at: 30,
        channel: 'monitoring-alert',
        title: 'Alert',
        body: 'Fairness alert.',
        effects: [{ set: 'aware', to: true }],
        opens: ['sev'],
      },
      { id: 'complaint', stage: 'detect', at: 120, channel: 'complaint', title: 'Complaint', body: 'Unfair.', opens: ['notify'] },
      {
        id: 'press',
        stage: 'govern',
        when: { var: 'harm', gte: 30 },
        delay: 60,
        channel: 'news',
        title: 'Press',
        body: 'Story.',
        effects: [{ add: 'exposure', by: 2 }],
      },
      { id: 'followup', stage: 'contain', when: { move: 'suspend' }, channel: 'email', title: 'Follow-up', body: 'Thanks.' },
    ],
    decisions: [
      { id: 'sev', kind: 'severity', prompt: 'How severe?', options: [{ id: 'v5', label: 'V5', effects: [{ add: 'exposure', by: 1 }] }] },
      {
        id: 'notify',
        kind: 'single',
        prompt: 'Notify?',
        countdown: 30,
        options: [
          { id: 'yes', label: 'Yes', effects: [{ set: 'notified', to: true }] },
          { id: 'no', label: 'No' },
        ],
        onExpire: { effects: [{ add: 'exposure', by: 1 }] },
      },
      {
        id: 'actions',
        kind: 'multiple',
        prompt: 'Which?',
        options: [
          { id: 'a', label: 'A', effects: [{ add: 'exposure', by: 1 }] },
          { id: 'b', label: 'B', effects: [{ set: 'exposure', to: 0 }] },
        ],
      },
      { id: 'why', kind: 'text', prompt: 'Why?' },
      { id: 'kind', kind: 'r3ai', prompt: 'Which R3AI category?' },
    ],
    moves: [
      { id: 'suspend', label: 'Suspend the model', stage: 'contain', owner: 'technical-lead', effects: [{ set: 'status', to: 'suspended' }] },
      { id: 'preserve', label: 'Preserve evidence', stage: 'contain', owner: 'technical-lead', delay: 30, marks: ['preserves-evidence'] },
      {
        id: 'notify-msa',
        label: 'Notify the authority',
        stage: 'govern',
        owner: 'legal-lead',
        requires: { var: 'aware', eq: true },
        requiresText: 'You are not aware of an incident yet.',
        effects: [{ set: 'notified', to: true }],
      },
      {
        id: 'fix',
        label: 'Fix and validate',
        stage: 'recover',
        owner: 'technical-lead',
        requires: { move: 'suspend' },
        delay: 120,
        effects: [{ set: 'fixed', to: true }],
      },
      {
        id: 'restart',
        label: 'Restart the model',
        stage: 'recover',
        owner: ['incident-lead', 'technical-lead'],
        effects: [{ set: 'status', to: 'restored' }],
        marks: ['restart'],
      },
      { id: 'brief', label: 'Brief the team', stage: 'govern', owner: 'incident-lead', repeatable: true },
    ],
    obligations: [
      {
        id: 'report',
        title: 'Report to the authority',
        basis: 'EU AI Act Art. 73',
        trigger: { var: 'aware', eq: true },
        deadline: '2h',
        recipient: 'Market surveillance authority',
        owner: 'legal-lead',
        satisfiedBy: ['notify-msa'],
      },
    ],
    recovery: {
      restartMoves: ['restart'],
      criteria: [{ id: 'fix-validated', label: 'Fix validated', condition: { var: 'fixed', eq: true } }],
    },
    reference: {
      severity: [{ at: 30, level: 4, rationale: 'Material harm.' }],
      r3ai: 'responsibility',
      required: [],
      forbidden: [],
      timeline: [],
      trace: {
        trust: 'Too much.',
        rootCause: {
          candidates: [
            { id: 'data', label: 'Biased data', correct: true },
            { id: 'code', label: 'A bug', correct: false },
          ],
          explanation: 'Data.',
        },
        accountability: [],
        corrections: [
          { id: 'c1', label: 'Retrain', expected: true },
          { id: 'c2', label: 'Ignore', expected: false },
        ],
        evolutions: [{ id: 'e1', label: 'Monitor', expected: true }],
      },
    },
  };
}

/** Builds the base pack with top-level parts replaced (validated by the schema). */
export function buildPack(overrides: Partial<PackInput> = {}): Pack {
  return packSchema.parse({ ...basePackInput(), ...overrides });
}

/** The base pack plus two jittered injects (so seeds matter) and more prompts open from the start. */
export function jitteredPack(): Pack {
  const input = basePackInput();
  const [welcome, ...others] = input.injects;
  return buildPack({
    injects: [
      { ...(welcome as PackInput['injects'][number]), opens: ['actions', 'kind'] },
      ...others,
      { id: 'rumour', stage: 'detect', at: 60, jitter: 90, channel: 'social', title: 'Rumour', body: 'Psst.', effects: [{ add: 'exposure', by: 1 }] },
      { id: 'letter', stage: 'govern', at: 200, jitter: '2h', channel: 'regulator-letter', title: 'Letter', body: 'Explain.', opens: ['why'] },
    ],
  });
}
