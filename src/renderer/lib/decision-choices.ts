/**
 * The choices a decision prompt offers, for every form that answers one (the
 * run screen's and a participant's own device): the ids the engine accepts
 * (`acceptedOptionIds`), labelled by the pack where it labels them, else by
 * the V-SEV or R3AI vocabulary.
 */
import { acceptedOptionIds, R3AI_CATEGORIES, SEVERITY_DEFINITIONS, SEVERITY_LEVELS, type Decision, type OptionId } from '../../engine';
import { R3AI_LABELS } from './labels';

export type Choice = { readonly id: OptionId; readonly label: string };

/** The fixed vocabulary's label of an id: "V3 Significant" (with its definition when `detailed`), or the R3AI category's name. */
function vocabularyLabel(decision: Decision, index: number, detailed: boolean): string | undefined {
  if (decision.kind === 'severity') {
    const level = SEVERITY_LEVELS[index];
    if (level === undefined) return undefined;
    const { name, definition } = SEVERITY_DEFINITIONS[level];
    return detailed ? `V${level} ${name} — ${definition}` : `V${level} ${name}`;
  }
  if (decision.kind === 'r3ai') {
    const category = R3AI_CATEGORIES[index];
    if (category === undefined) return undefined;
    const { name, meaning } = R3AI_LABELS[category];
    return detailed ? `${name} — ${meaning}` : name;
  }
  return undefined;
}

/** Every choice of `decision`, in order; `detailed` adds the V-SEV definitions and R3AI meanings where the pack gives no label. */
export function decisionChoices(decision: Decision, detailed: boolean): Choice[] {
  return acceptedOptionIds(decision).map((id, index) => ({
    id,
    label: decision.options?.find((o) => o.id === id)?.label ?? vocabularyLabel(decision, index, detailed) ?? id,
  }));
}
