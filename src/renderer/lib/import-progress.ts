/** What the Library screen says about an import under way, and how full its bar is. */
import { assertNever } from '../../engine';
import type { PackImportProgress } from '../../shared/library';
import type { PackLoadProgress } from '../../shared/packs';

/** Share of a load (validating or checking the copy) each loader step ends at. */
const STEP_END: Readonly<Record<PackLoadProgress['step'], number>> = { reading: 0.1, parsing: 0.6, validating: 0.9, attachments: 1 };
const STEP_START: Readonly<Record<PackLoadProgress['step'], number>> = { reading: 0, parsing: 0.1, validating: 0.6, attachments: 0.9 };

function loadFraction(step: PackLoadProgress | undefined): number {
  if (!step) return 0;
  const within = step.total > 0 ? Math.min(1, step.done / step.total) : 0;
  return STEP_START[step.step] + (STEP_END[step.step] - STEP_START[step.step]) * within;
}

/** How much of the import is done, 0 to 1 (validating 0–0.8, copying 0.8–0.85, checking the copy 0.85–1). */
export function importFraction(progress: PackImportProgress | undefined): number {
  if (!progress) return 0;
  switch (progress.stage) {
    case 'validating':
      return 0.8 * loadFraction(progress.step);
    case 'copying':
      return 0.8;
    case 'checking-copy':
      return 0.85 + 0.15 * loadFraction(progress.step);
    default:
      return assertNever(progress.stage);
  }
}

function describeStep(step: PackLoadProgress | undefined): string {
  if (!step) return 'Starting';
  switch (step.step) {
    case 'reading':
      return step.total > 0 ? 'Reading the pack' : `Reading its files (${step.done} so far)`;
    case 'parsing':
      return `Reading file ${step.done} of ${step.total}`;
    case 'validating':
      return 'Checking the scenario';
    case 'attachments':
      return 'Reading the attachments';
    default:
      return assertNever(step.step);
  }
}

/** "Checking the scenario", "Copying it into the library", … */
export function importStageText(progress: PackImportProgress | undefined): string {
  if (!progress) return 'Starting';
  switch (progress.stage) {
    case 'validating':
      return describeStep(progress.step);
    case 'copying':
      return 'Copying it into the library';
    case 'checking-copy':
      return `Checking the copy: ${describeStep(progress.step).toLowerCase()}`;
    default:
      return assertNever(progress.stage);
  }
}
