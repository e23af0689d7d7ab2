/**
 * The TRACE debrief model: the score report plus everything the debrief
 * screen and the exported after-action report show. Every statement in it is
 * derived from the same facts as the score lines (acts, the service history,
 * the expected severity), so the debrief cannot contradict the score. Plain
 * JSON. Pack and participant text in it is untrusted: renderers sanitise it.
 */
import type { RunId } from '../types';
import type { Actor } from '../command-schema';
import type { R3aiCategory, RoleId, Stage, TraceSection } from '../pack/vocabulary';
import type { ActionItem, Note, ObligationRecord, RunMode, SimMinutes } from '../types';
import type { SeverityStep } from './severity';
import type { ScoreReport } from './types';

/** A fact computed from the run, for one TRACE section. */
export type DebriefFact = { readonly label: string; readonly text: string; readonly at?: SimMinutes };

/** An item of a section's reference answer (a root-cause candidate, a correction, an accountability row). */
export type ReferenceItem = {
  readonly id: string;
  readonly label: string;
  /** `expected`/`correct` items are the reference's answer. */
  readonly verdict?: 'expected' | 'not-expected' | 'correct' | 'incorrect';
  /** Whether the team chose it (choices), or did it (accountability: the role acted in that stage). */
  readonly chosen?: boolean;
  /** Markdown detail (e.g. the responsibility of a role at a stage). */
  readonly detail?: string;
};

/** One TRACE section: facts from the run, the pack's reference answer, the participants' reflection. */
export type TraceSectionModel = {
  readonly section: TraceSection;
  readonly title: string;
  readonly question: string;
  readonly facts: readonly DebriefFact[];
  /** Markdown from the pack (may be empty). */
  readonly referenceText: string;
  readonly referenceItems: readonly ReferenceItem[];
  /** The participants' reflection (plain text / Markdown), if written. */
  readonly reflection?: string;
};

/** What kind of thing a timeline event is. */
export type TimelineKind = 'inject' | 'move' | 'severity' | 'r3ai' | 'decision' | 'service' | 'obligation' | 'end';

/** Something that happened in a run, at a scenario time. */
export type TimelineEvent = {
  readonly at: SimMinutes;
  readonly kind: TimelineKind;
  /** Matches the same event in the other run (e.g. `move:suspend-model`). */
  readonly key: string;
  readonly label: string;
  readonly by?: Actor;
  readonly detail?: string;
  /** Something went wrong with it (outside authority, gate breach, overdue, expired, forbidden). */
  readonly flag?: string;
  /** The score's verdict on the act ("on time", "2h late (50% credit)", "forbidden"), from the same lines as the score. */
  readonly verdict?: string;
};

/** One row of the side-by-side timeline: the team's event and/or the reference's. */
export type TimelineRow = {
  readonly key: string;
  readonly kind: TimelineKind;
  readonly label: string;
  readonly team?: TimelineEvent;
  readonly reference?: TimelineEvent;
};

/** An obligation's clock in the team run and the reference run. */
export type ObligationView = {
  readonly id: string;
  readonly title: string;
  readonly basis: string;
  readonly recipient: string;
  readonly owner: RoleId;
  readonly deadline: SimMinutes;
  readonly team?: ObligationRecord;
  readonly reference?: ObligationRecord;
};

/** A return of the AI system to service and whether it respected the recovery gate. */
export type RestartView = {
  readonly at: SimMinutes;
  /** What put it back and whose act it was, in words. */
  readonly how: string;
  /** Labels of the criteria unmet at that minute (empty: a valid restart). */
  readonly unmet: readonly string[];
};

/** One option of a decision row. */
export type OptionView = { readonly id: string; readonly label: string; readonly rationale?: string };

/** A decision prompt as the team met it, beside the reference's answer and the pack's rationales. */
export type DecisionView = {
  readonly id: string;
  readonly title: string;
  /** Markdown prompt. */
  readonly prompt: string;
  readonly kind: 'severity' | 'r3ai' | 'single' | 'multiple' | 'text';
  readonly stage: Stage;
  readonly team: {
    readonly status: 'not-asked' | 'open' | 'answered' | 'expired';
    readonly at?: SimMinutes;
    readonly by?: Actor;
    readonly chosen: readonly OptionView[];
    /** A written answer (text prompts, or a rationale given with the answer). */
    readonly text?: string;
    /** What happened when it expired (the pack's note). */
    readonly expiryNote?: string;
  };
  /** The reference's best options (with their rationales). */
  readonly best: readonly OptionView[];
  /** What the reference response answered (the draft of a text prompt, e.g. the holding statement). */
  readonly reference?: { readonly chosen: readonly OptionView[]; readonly text?: string; readonly at: SimMinutes };
  /** `right` / `partly` / `wrong` against `best`; `unscored` for prompts without a best answer. */
  readonly verdict: 'right' | 'partly' | 'wrong' | 'expired' | 'unscored' | 'not-asked';
};

/** One of the biggest losses of the run, in a sentence, with what the reference did instead and why. */
export type Lesson = {
  readonly stage: Stage;
  /** Total points lost (of 100). */
  readonly lost: number;
  /** What happened (the biggest line's reason). */
  readonly what: string;
  /** What the reference did instead and why (from the pack's reasons and rationales). */
  readonly instead: string;
  readonly at?: SimMinutes;
};

/** The whole debrief. */
export type Debrief = {
  readonly version: 2;
  readonly pack: {
    readonly id: string;
    readonly version: string;
    readonly title: string;
    readonly sector: string;
    readonly r3ai: R3aiCategory;
    readonly r3aiAccepted: readonly R3aiCategory[];
    readonly systemName: string;
    readonly clockStart: string;
    readonly clockEnd: SimMinutes;
    readonly harmLabel: string;
    readonly harmUnit?: string;
  };
  readonly run: {
    readonly runId: RunId;
    readonly mode: RunMode;
    readonly title?: string;
    readonly createdAt: string;
    readonly seed: number;
    readonly participants: readonly string[];
    readonly roles: Readonly<Partial<Record<RoleId, string>>>;
    readonly ended: boolean;
    readonly reachedAt: SimMinutes;
    /** Set when the run's log is damaged: what is wrong, in a sentence; the debrief covers the entries before it. */
    readonly partial?: string;
  };
  readonly score: ScoreReport;
  /** The three biggest losses, biggest first (empty when nothing was lost). */
  readonly lessons: readonly Lesson[];
  readonly trace: readonly TraceSectionModel[];
  readonly timeline: { readonly team: readonly TimelineEvent[]; readonly reference: readonly TimelineEvent[]; readonly rows: readonly TimelineRow[] };
  readonly decisions: readonly DecisionView[];
  readonly severity: {
    readonly team: readonly SeverityStep[];
    /** What the evidence called for in the team's run (the yardstick of the Detect lines). */
    readonly expected: readonly (SeverityStep & { readonly accept: readonly number[]; readonly rationale: string })[];
    /** The reference response's own classifications. */
    readonly reference: readonly SeverityStep[];
  };
  readonly harm: {
    readonly team: readonly (readonly [SimMinutes, number])[];
    readonly reference: readonly (readonly [SimMinutes, number])[];
    readonly doNothing: readonly (readonly [SimMinutes, number])[];
  };
  readonly obligations: readonly ObligationView[];
  readonly gate: {
    readonly respected: boolean;
    /** The gate in one sentence, derived from the service history (never contradicts the Recover lines). */
    readonly statement: string;
    readonly criteria: readonly { readonly id: string; readonly label: string }[];
    readonly restarts: readonly RestartView[];
  };
  readonly accountability: readonly { readonly stage: Stage; readonly actors: readonly { readonly actor: Actor; readonly acts: number }[] }[];
  readonly actionItems: readonly ActionItem[];
  readonly notes: readonly Note[];
  readonly questions: readonly string[];
  /** The pack's facilitator notes: present only when asked for (never on a presenter or participant screen). */
  readonly facilitatorNotes?: string;
};
