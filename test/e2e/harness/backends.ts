/** The backends the end-to-end specs run on here, and the ones skipped (with why). */
import { browserSkipReason, electronSkipReason } from './environment';
import type { Backend } from './launch-app';

export type BackendCase = { readonly backend: Backend; readonly skip: string | undefined };

/** Both backends, each with its skip reason (undefined = runs). */
export function backendCases(): BackendCase[] {
  return [
    { backend: 'browser', skip: browserSkipReason() },
    { backend: 'electron', skip: electronSkipReason() },
  ];
}
