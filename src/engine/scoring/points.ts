/**
 * Every number of the scoring rules, in one place. README.md and the
 * authoring guide (scenarios/README.md) document each; change them together.
 *
 * Two units: a line's `max` and `points` are **stage points** (a stage's
 * lines are scaled together to the stage's weight); a penalty's cost is in
 * **total points** of the 100-point score and is never absorbed by a floor.
 */
import { simMinutes } from '../sim-minutes';

/** Maximum stage points of each kind of score line. */
export const POINTS = {
  /** Prepare: each pack role assigned before `run.start`. */
  role: 10,
  /** Prepare: each readiness item the pack's conditions read, answered before `run.start`. */
  readiness: 5,
  /** Detect: the time from the first signal the reference sees to the team's own awareness. */
  discovery: 10,
  /** Detect: the first V-SEV classification made on the evidence received. */
  severityFirst: 10,
  /** Detect: deducted per level of under-classification. */
  underPerLevel: 4,
  /** Detect: deducted per level of over-classification. */
  overPerLevel: 2,
  /** Detect: the team's severity over the incident against what the evidence called for. */
  severityTrack: 20,
  /** Detect: the first R3AI category. */
  r3ai: 10,
  /** Detect: time from awareness to the first classification. */
  timeToClassify: 10,
  /** Detect: each rise of the expected severity followed in time. */
  escalation: 10,
  /** Any stage: each decision prompt with a `best` answer that was opened (severity/R3AI prompts are scored as classifications). */
  decision: 5,
  /** Any stage: each `reference.required` entry. */
  required: 10,
  /** Contain: the primary harm counter against the reference response. */
  harm: 30,
  /** Contain: each further harm counter (`metrics.harms`). */
  otherHarm: 10,
  /** Contain: evidence preserved before the system was altered. */
  evidence: 10,
  /** Govern: each obligation that applied (in this run or the reference run). */
  obligation: 10,
  /** Govern: board briefed in time when the reference reaches V4 (only if no obligation or requirement covers it). */
  board: 10,
  /** Govern: stakeholders informed when the reference does so (only if no obligation or requirement covers it). */
  stakeholder: 10,
  /** Recover: no return to service while a recovery criterion was unmet. */
  gate: 10,
  /** Recover: a return to service with every recovery criterion met (when the reference returns to service). */
  validatedRestart: 10,
  /** Recover: the valid restart's time vs the reference restart. */
  recoveryTime: 10,
  /** Learn: each of the five TRACE reflections, judged on substance. */
  reflection: 4,
  /** Learn: the root cause chosen is a correct candidate. */
  rootCause: 10,
  /** Learn: corrections, and evolutions, vs the reference choices. */
  choices: 10,
  /** Learn: at least one real action item (owner, due date, a few words). */
  actionItem: 6,
} as const;

/** Costs, in points of the 100-point total (penalty lines; never absorbed by a stage floor). */
export const COSTS = {
  /** A `reference.forbidden` act (unless the entry sets `cost`). */
  forbidden: 10,
  /** An act marked `harmful` that the reference does not list as forbidden. */
  harmful: 8,
  /** Added for an act marked `irreversible` (destroyed evidence, deleted logs), whenever it happens. */
  irreversible: 15,
  /** Added for an act marked `misleading`, whenever it happens. */
  misleading: 10,
  /** Each return to service with a recovery criterion unmet (unless `recovery.breachCost`). */
  gateBreach: 25,
  /** A triggered obligation never met (unless the obligation sets `missedCost`). */
  missedObligation: 15,
  /** A filing that satisfies only obligations that applied in neither this run nor the reference (unless the act has a `cost`). */
  unneededFiling: 5,
  /** Each act outside the actor's authority (besides the halved credit it earns). */
  outsideAuthority: 1,
  /** Detect: a severity misread for the whole incident, per level under the expected range… */
  misreadUnderPerLevel: 8,
  /** …and per level over it (under-classifying costs more: it slows tempo and escalation)… */
  misreadOverPerLevel: 3,
  /** …up to this much. */
  misreadCap: 30,
  /** Contain: per `harmScale` of harm beyond the reference response (the harm line reaches 0 at one scale)… */
  harmExcessPerScale: 8,
  /** …up to this much. */
  harmExcessCap: 30,
} as const;

/** Share of a line's credit an act earns when made outside its actor's authority. */
export const AUTHORITY_CREDIT = 0.5;

/** Timing: credit falls linearly from full at the deadline to 0 when the lateness equals the time allowed… */
export const LATE_DECAY_SHARE = 1;
/** …and the time allowed counts as at least this many minutes (so a 10-minute tempo does not reach 0 in 10 minutes). */
export const MIN_ALLOWANCE_MINUTES = 60;

/** Learn: a selection's wrong choices each cancel this many right ones (ticking everything earns nothing). */
export const WRONG_CHOICE_WEIGHT = 2;
/** Learn: a reflection needs at least this many words… */
export const MIN_REFLECTION_WORDS = 8;
/** …and mentions of this many of the section's key terms for full credit (one earns half). */
export const REFLECTION_TERMS = 2;
/** Learn: an action item needs at least this many words. */
export const MIN_ACTION_ITEM_WORDS = 4;

/** Govern: default time allowed to brief the board after the expected severity reaches V4 (minutes). */
export const DEFAULT_BOARD_WITHIN = simMinutes(240);

/** Recover: restarting up to this share of the reference restart time later still counts as on time… */
export const RECOVERY_TOLERANCE_SHARE = 0.25;
/** …and at least this many minutes. */
export const RECOVERY_TOLERANCE_MIN = simMinutes(60);

/** Detect: the severity-track line starts this long after awareness (the time to classify is judged on its own line)… as a multiple of the tempo. */
export const TRACK_GRACE_TEMPOS = 1;
/** Detect: the severity is followed for at least this long from the first signal (plus its grace)… */
export const TRACK_WINDOW_MINUTES = simMinutes(3 * 24 * 60);
/** …and until this long after the last evidence that changed what it should be (never past the run's end). */
export const TRACK_SETTLE_MINUTES = simMinutes(24 * 60);
/** Detect: a minute under-classified by n levels counts as n × this share of a wrong minute (at most one)… */
export const TRACK_UNDER_PER_LEVEL = 0.5;
/** …and over-classified by n levels as n × this share. */
export const TRACK_OVER_PER_LEVEL = 0.25;

/** Contain: the default harm scale is what doing nothing adds in this many minutes after awareness. */
export const DEFAULT_HARM_SCALE_MINUTES = simMinutes(24 * 60);
