/** Whether the screen is in coached mode (hints and the glossary on hover/focus). */
import { createContext, useContext } from 'react';

export const CoachContext = createContext(false);

/** True inside a coached solo run. */
export const useCoached = (): boolean => useContext(CoachContext);
