/**
 * Every number of the scoring rules, in one place. README.md documents each;
 * change both together.
 */

/** Maximum points (or cost, for penalties) of each kind of line. */
export const POINTS = {
  /** Prepare: each pack role assigned before `run.start`. */
  role: 10,
  /** Prepare: each readiness item the pack's conditions read, answered before `run.start`. */
  readiness: 5,
  /** Detect: the first V-SEV classification. */
  severityFirst: 10,
  /** Detect: deducted per level of under-classification. */
  underPerLevel: 4,
  /** Detect: deducted per level of over-classification. */
  overPerLevel: 2,
  /** Detect: the first R3AI category. */
  r3ai: 10,
  /** Detect: time from awareness to the first classification. */
  timeToClassify: 10,
  /** Detect: each rise of the reference severity followed in time. */
  escalation: 10,
  /** Any stage: each decision prompt with a `best` answer that was opened. */
  decision: 10,
  /** Any stage: each `reference.required` move. */
  required: 10,
  /** Any stage: cost of each `reference.forbidden` move made. */
  forbidden: 10,
  /** Contain: harm vs the reference response. */
  harm: 20,
  /** Contain: evidence preserved before the system was altered. */
  evidence: 10,
  /** Govern: each obligation triggered (in this run or the reference run). */
  obligation: 10,
  /** Govern: deducted when an obligation was met by a role other than its owner. */
  wrongOwner: 3,
  /** Govern: board briefed in time when the reference reaches V4. */
  board: 10,
  /** Govern: stakeholders informed when the reference does so. */
  stakeholder: 10,
  /** Govern: cost of each move made outside the actor's authority. */
  outsideAuthority: 3,
  /** Recover: no restart while a recovery criterion was unmet. */
  gate: 10,
  /** Recover: a restart made with every recovery criterion met (when the reference restarts). */
  validatedRestart: 10,
  /** Recover: the valid restart's time vs the reference restart. */
  recoveryTime: 10,
  /** Learn: each of the five TRACE reflections written. */
  reflection: 2,
  /** Learn: the root cause chosen is a correct candidate. */
  rootCause: 10,
  /** Learn: corrections, and evolutions, vs the reference choices. */
  choices: 10,
  /** Learn: at least one action item (owner and due date). */
  actionItem: 10,
} as const;

/**
 * Learn: each unexpected correction/evolution chosen cancels this share of
 * one expected item's credit.
 */
export const UNEXPECTED_CHOICE_WEIGHT = 0.5;

/** Govern: default time allowed to brief the board after the reference reaches V4 (minutes). */
export const DEFAULT_BOARD_WITHIN = 240;

/** Recover: restarting up to this share of the reference restart time later still counts as on time… */
export const RECOVERY_TOLERANCE_SHARE = 0.25;
/** …and at least this many minutes. */
export const RECOVERY_TOLERANCE_MIN = 60;

/** Contain: the harm at which the harm line reaches 0, as a multiple of the reference harm, when the do-nothing run harms no more than the reference. */
export const HARM_FALLBACK_MULTIPLE = 3;
