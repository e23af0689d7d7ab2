/**
 * The debrief leads with the lesson: the three biggest losses of a run, each
 * in one sentence with what the reference did instead and why. Lines about
 * the same thing (a missed obligation and its cost, the gate and its
 * breaches) make one lesson.
 */
import type { Lesson } from './debrief-types';
import { round1 } from './lines';
import type { ScoreLine } from './types';

/** How many lessons the debrief leads with. */
export const LESSON_COUNT = 3;

/** The biggest losses, biggest first (ties: earlier in the run first). */
export function biggestLosses(lines: readonly ScoreLine[], count = LESSON_COUNT): Lesson[] {
  const topics = new Map<string, ScoreLine[]>();
  for (const line of lines) {
    if (line.lost <= 0) continue;
    const topic = line.topic ?? line.id;
    topics.set(topic, [...(topics.get(topic) ?? []), line]);
  }
  return [...topics.values()]
    .map((group) => {
      const lost = group.reduce((sum, l) => sum + l.lost, 0);
      const main = [...group].sort((a, b) => b.lost - a.lost)[0]!;
      const instead = group.map((l) => l.lesson).find((l) => l !== undefined && l !== '') ?? '';
      return { stage: main.stage, lost: round1(lost), what: main.reason, instead, ...(main.at === undefined ? {} : { at: main.at }) };
    })
    .sort((a, b) => b.lost - a.lost || (a.at ?? Infinity) - (b.at ?? Infinity))
    .slice(0, count);
}
