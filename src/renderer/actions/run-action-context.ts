/** The run screen's action context, so any button deep in the screen can perform a registry action. */
import { createContext, useContext } from 'react';
import type { RunActionContext } from './run-actions';

export const RunActionsContext = createContext<RunActionContext | undefined>(undefined);

/** The action context of the run screen this component is in. */
export function useRunActions(): RunActionContext {
  const ctx = useContext(RunActionsContext);
  if (!ctx) throw new Error('useRunActions outside the run screen');
  return ctx;
}
