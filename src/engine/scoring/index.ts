/**
 * Scoring against the pack's V-AIM reference and the TRACE debrief model.
 * Rules: README.md in this folder.
 */
export type { ScoreLine, ScoreLineKind, ScoreReport, StageScore, ReferenceFigures } from './types';
export type {
  Debrief,
  DebriefFact,
  DecisionView,
  Lesson,
  ObligationView,
  OptionView,
  ReferenceItem,
  RestartView,
  TimelineEvent,
  TimelineKind,
  TimelineRow,
  TraceSectionModel,
} from './debrief-types';
export type { SeverityStep, ExpectedStep } from './severity';
export type { Act, Authority } from './acts';
export type { DebriefOptions } from './debrief';
export type { SelfCheckIssue, SelfCheckResult } from './self-check';
export { score, stageWeights } from './score';
export { buildDebrief } from './debrief';
export { actsOf, decisionStage } from './acts';
export { expectedSteps, levelName } from './severity';
export { selfCheck, REFERENCE_MIN_SCORE, DO_NOTHING_MAX_SCORE, DO_NOTHING_WARN_SCORE, GREEDY_WARN_SCORE, SELF_CHECK_SEED } from './self-check';
export { POINTS, COSTS } from './points';
