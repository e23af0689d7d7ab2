/**
 * Scoring against the pack's V-AIM reference and the TRACE debrief model.
 * Rules: README.md in this folder.
 */
export type { ScoreLine, ScoreLineKind, ScoreReport, StageScore, ReferenceFigures } from './types';
export type {
  Debrief,
  DebriefFact,
  ObligationView,
  ReferenceItem,
  RestartView,
  TimelineEvent,
  TimelineKind,
  TimelineRow,
  TraceSectionModel,
} from './debrief-types';
export type { SeverityStep } from './severity';
export type { DebriefOptions } from './debrief';
export type { SelfCheckIssue, SelfCheckResult } from './self-check';
export { score, stageWeights } from './score';
export { buildDebrief } from './debrief';
export { selfCheck, REFERENCE_MIN_SCORE, DO_NOTHING_MAX_SCORE, SELF_CHECK_SEED } from './self-check';
export { POINTS } from './points';
