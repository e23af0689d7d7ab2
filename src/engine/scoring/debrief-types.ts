/**
 * The TRACE debrief model: the score report plus everything the debrief
 * screen and the exported after-action report show. Plain JSON. Pack and
 * participant text in it is untrusted: renderers escape or sanitise it.
 */
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
  /** Whether the team chose it. */
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
export type TimelineKind = 'inject' | 'move' | 'severity' | 'r3ai' | 'decision' | 'obligation' | 'end';

/** Something that happened in a run, at a scenario time. */
export type TimelineEvent = {
  readonly at: SimMinutes;
  readonly kind: TimelineKind;
  /** Matches the same event in the other run (e.g. `move:suspend-model`). */
  readonly key: string;
  readonly label: string;
  readonly by?: Actor;
  readonly detail?: string;
  /** Something went wrong with it (outside authority, gate breach, overdue, expired). */
  readonly flag?: string;
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

/** A restart and whether it respected the recovery gate. */
export type RestartView = { readonly moveId: string; readonly label: string; readonly at: SimMinutes; readonly by: Actor; readonly unmet: readonly string[] };

/** The whole debrief. */
export type Debrief = {
  readonly version: 1;
  readonly pack: {
    readonly id: string;
    readonly version: string;
    readonly title: string;
    readonly sector: string;
    readonly r3ai: R3aiCategory;
    readonly systemName: string;
    readonly clockStart: string;
    readonly clockEnd: SimMinutes;
    readonly harmLabel: string;
    readonly harmUnit?: string;
  };
  readonly run: {
    readonly runId: string;
    readonly mode: RunMode;
    readonly title?: string;
    readonly createdAt: string;
    readonly seed: number;
    readonly participants: readonly string[];
    readonly roles: Readonly<Partial<Record<RoleId, string>>>;
    readonly ended: boolean;
    readonly reachedAt: SimMinutes;
  };
  readonly score: ScoreReport;
  readonly trace: readonly TraceSectionModel[];
  readonly timeline: { readonly team: readonly TimelineEvent[]; readonly reference: readonly TimelineEvent[]; readonly rows: readonly TimelineRow[] };
  readonly severity: { readonly team: readonly SeverityStep[]; readonly reference: readonly (SeverityStep & { readonly rationale: string })[] };
  readonly harm: {
    readonly team: readonly (readonly [SimMinutes, number])[];
    readonly reference: readonly (readonly [SimMinutes, number])[];
    readonly doNothing: readonly (readonly [SimMinutes, number])[];
  };
  readonly obligations: readonly ObligationView[];
  readonly gate: { readonly respected: boolean; readonly criteria: readonly { readonly id: string; readonly label: string }[]; readonly restarts: readonly RestartView[] };
  readonly accountability: readonly { readonly stage: Stage; readonly actors: readonly { readonly actor: Actor; readonly moves: number }[] }[];
  readonly actionItems: readonly ActionItem[];
  readonly notes: readonly Note[];
  readonly questions: readonly string[];
  /** The pack's facilitator notes: present only when asked for (never on a presenter screen). */
  readonly facilitatorNotes?: string;
};
