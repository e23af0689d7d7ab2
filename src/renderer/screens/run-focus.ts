/** Where each panel of the run screen takes the keyboard focus, and which act tab must show it. */
import { assertNever } from '../../engine';
import type { RunPanel } from '../actions/run-actions';
import type { ActiveRun } from '../store/run-slice';

/** The tab to show (solo: "moves" or "classify"; console: "record") and the element to focus. */
export function focusPanelElement(run: ActiveRun, panel: RunPanel): { readonly tab?: string; readonly selector: string } {
  const console = run.header.mode === 'facilitated';
  const actTab = (tab: 'moves' | 'classify') => (console ? 'record' : tab);
  switch (panel) {
    case 'classify':
      return { tab: actTab('classify'), selector: '#classify-panel input[name="severity"]:checked, #classify-panel input[name="severity"]' };
    case 'moves':
      return { tab: actTab('moves'), selector: '[id^="moves-tab-"][aria-selected="true"]' };
    case 'note':
      return { selector: '#facilitator-note' };
    case 'events':
      return { selector: '#events-title' };
    case 'decisions': {
      // The next thing to do: the most urgent open prompt; a severity or R3AI question is answered in Classify; else the moves.
      const open = run.pack.decisions.filter((d) => run.state.decisions[d.id]?.status === 'open');
      const form = open.find((d) => d.kind !== 'severity' && d.kind !== 'r3ai');
      if (form) return { selector: `#decision-form-${form.id} input, #decision-form-${form.id} textarea` };
      if (open.length > 0) return focusPanelElement(run, 'classify');
      return focusPanelElement(run, 'moves');
    }
    default:
      return assertNever(panel);
  }
}
