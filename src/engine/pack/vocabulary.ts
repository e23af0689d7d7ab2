/**
 * The fixed vocabulary of the V-AIM domain: command roles, stages, severity,
 * R3AI categories, inject channels and move marks. Packs refer to these by id.
 */
import { simMinutes, type SimMinutes } from '../sim-minutes';
import { fixedId } from './id-rule';
import type { ReadinessId } from './primitives';

/** The six V-AIM command roles, in the order the UI lists them. */
export const ROLE_IDS = [
  'executive-sponsor',
  'incident-lead',
  'technical-lead',
  'legal-lead',
  'comms-lead',
  'business-owner',
] as const;
/** One of the six V-AIM command roles. */
export type RoleId = (typeof ROLE_IDS)[number];

/** Human-readable titles of the command roles. */
export const ROLE_TITLES: Readonly<Record<RoleId, string>> = {
  'executive-sponsor': 'Executive Sponsor',
  'incident-lead': 'Incident Lead',
  'technical-lead': 'Technical Containment Lead',
  'legal-lead': 'Legal & Compliance Lead',
  'comms-lead': 'Communications Lead',
  'business-owner': 'Business Owner',
};

/** The six V-AIM stages, in order. */
export const STAGES = ['prepare', 'detect', 'contain', 'govern', 'recover', 'learn'] as const;
/** One V-AIM stage. */
export type Stage = (typeof STAGES)[number];

/** Human-readable titles of the stages. */
export const STAGE_TITLES: Readonly<Record<Stage, string>> = {
  prepare: 'Prepare',
  detect: 'Detect',
  contain: 'Contain',
  govern: 'Govern',
  recover: 'Recover',
  learn: 'Learn',
};

/** V-SEV levels 1..5. */
export const SEVERITY_LEVELS = [1, 2, 3, 4, 5] as const;
/** A V-SEV level: 1 Irregularity … 5 Systemic Trust Event. */
export type SeverityLevel = (typeof SEVERITY_LEVELS)[number];

/** Short names and definitions of the V-SEV ladder (PRODUCT.md). */
export const SEVERITY_DEFINITIONS: Readonly<Record<SeverityLevel, { name: string; definition: string }>> = {
  1: { name: 'Irregularity', definition: 'Minor anomaly, contained, no regulatory trigger.' },
  2: { name: 'Moderate', definition: 'Repeated errors, limited impact, internal review.' },
  3: { name: 'Significant', definition: 'Operational disruption, affected users, potential regulatory interest.' },
  4: { name: 'Critical', definition: 'Material harm, regulatory obligation likely, board notification required.' },
  5: {
    name: 'Systemic Trust Event',
    definition: 'Widespread harm, public exposure, regulatory enforcement, board-level crisis.',
  },
};

/** R3AI failure categories. */
export const R3AI_CATEGORIES = ['reliability', 'resilience', 'responsibility'] as const;
/** One R3AI failure category. */
export type R3aiCategory = (typeof R3AI_CATEGORIES)[number];

/** Channels an inject can arrive on. */
export const CHANNELS = [
  'monitoring-alert',
  'dashboard',
  'email',
  'call',
  'chat',
  'meeting',
  'memo',
  'complaint',
  'news',
  'social',
  'regulator-letter',
] as const;
/** The channel an inject arrives on. */
export type Channel = (typeof CHANNELS)[number];

/**
 * Semantic marks on acts (moves and decision options), which scoring reads:
 * - `preserves-evidence`: keeps logs / model snapshot (must precede any `alters-system` act);
 * - `alters-system`: changes the model or data (retrain, patch, delete);
 * - `board-briefing`: informs the board (expected at V4+);
 * - `stakeholder-communication`: informs affected people, staff or the public;
 * - `restart`: puts the system back into service (subject to the recovery gate);
 * - `escalation`: escalates internally (e.g. to the Executive Sponsor);
 * - `containment`: limits the harm (suspending the system, a manual fallback, isolating data);
 * - `harmful`: does harm; never counted as containment or communication, whoever makes it;
 * - `irreversible`: cannot be undone (destroying evidence, deleting logs): costs in every run, whenever made;
 * - `misleading`: a misleading statement: costs in every run and never counts as communication.
 */
export const MOVE_MARKS = [
  'preserves-evidence',
  'alters-system',
  'board-briefing',
  'stakeholder-communication',
  'restart',
  'escalation',
  'containment',
  'harmful',
  'irreversible',
  'misleading',
] as const;
/** A semantic mark on a move. */
export type MoveMark = (typeof MOVE_MARKS)[number];

/** Difficulty of a pack. */
export const DIFFICULTIES = ['introductory', 'intermediate', 'advanced'] as const;
/** Difficulty of a pack. */
export type Difficulty = (typeof DIFFICULTIES)[number];

/** TRACE debrief sections. */
export const TRACE_SECTIONS = ['trust', 'rootCause', 'accountability', 'correction', 'evolution'] as const;
/** One TRACE debrief section. */
export type TraceSection = (typeof TRACE_SECTIONS)[number];

/** Default stage weights (sum 100) when a pack gives none. */
export const DEFAULT_STAGE_WEIGHTS: Readonly<Record<Stage, number>> = {
  prepare: 10,
  detect: 20,
  contain: 25,
  govern: 25,
  recover: 10,
  learn: 10,
};

/**
 * Default tempo: the time within which a team is expected to classify an
 * incident of the given reference severity (scenario minutes).
 */
export const DEFAULT_TEMPO_MINUTES: Readonly<Record<SeverityLevel, SimMinutes>> = {
  1: simMinutes(24 * 60),
  2: simMinutes(8 * 60),
  3: simMinutes(4 * 60),
  4: simMinutes(60),
  5: simMinutes(30),
};

/**
 * The app's editable default readiness checklist (12 items). V-AIM speaks of
 * twelve "non-negotiable" prerequisites; this list is the app's own wording,
 * not an official one.
 */
export const DEFAULT_READINESS_ITEMS: ReadonlyArray<{ readonly id: ReadinessId; readonly label: string }> = [
  { id: 'ai-inventory', label: 'An up-to-date inventory of AI systems, with owner and risk class' },
  { id: 'roles-assigned', label: 'Incident command roles assigned and deputies named' },
  { id: 'monitoring', label: 'Production monitoring of model outputs, including fairness metrics' },
  { id: 'kill-switch', label: 'A tested way to suspend each AI system (kill switch)' },
  { id: 'manual-fallback', label: 'A documented manual fallback process for each critical AI use' },
  { id: 'logging', label: 'Automatic event logs kept for at least six months' },
  { id: 'evidence-procedure', label: 'An evidence-preservation procedure (logs, model and data snapshots)' },
  { id: 'regulatory-map', label: 'A map of reporting obligations, recipients and deadlines' },
  { id: 'provider-contacts', label: 'Provider and deployer escalation contacts agreed in contracts' },
  { id: 'comms-templates', label: 'Pre-approved communication templates for affected people and press' },
  { id: 'recovery-criteria', label: 'Recovery criteria defined before any restart' },
  { id: 'exercise-record', label: 'An incident exercise run in the last twelve months' },
].map(({ id, label }) => ({ id: fixedId<'ReadinessId'>(id), label }));
