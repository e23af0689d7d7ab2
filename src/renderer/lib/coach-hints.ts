/**
 * Coaching hints per V-AIM stage: what an experienced commander would ask
 * themselves. General questions for any pack, never a scenario's answer.
 */
import type { Stage } from '../../engine';

export const COACH_HINTS: Readonly<Record<Stage, readonly string[]>> = {
  prepare: [
    'Does someone hold each of the six command roles, and does each know what they own?',
    'Where are the system’s logs kept, for how long, and who can switch the system off?',
    'What would tell you early that the system is doing harm?',
  ],
  detect: [
    'What does this signal tell you, and what does it not tell you yet?',
    'Classify with V-SEV on what you know now; you can revise it when the facts change. Who must hear about it at that severity, and how soon?',
    'Which kind of failure does it look like under R3AI: reliability, resilience or responsibility?',
  ],
  contain: [
    'Is the system still producing harmful outputs while you talk? How many more each hour?',
    'What stops the harm without destroying what you will need to show later?',
    'What happens to the work the system did while it is stopped, and who carries it?',
  ],
  govern: [
    'Which regulatory clocks have started, to whom does each report go, by when, and which role owns it?',
    'Who inside the organisation must be told at this severity, and who decides?',
    'What do the people affected need to know, and what can they do with it?',
  ],
  recover: [
    'What must be true before the system goes back into service, and who signs that off?',
    'Is the pressure to restart a reason to restart?',
    'How will you know, after the restart, that the fix holds?',
  ],
  learn: [
    'TRACE: was the system trusted more than it deserved? What was the root cause?',
    'Who was accountable at each stage, and where did responsibility fall between parties?',
    'What was corrected, and which governance change stops this happening again?',
  ],
};
