/** The coached mode's glossary: the V-AIM terms a first-time learner meets, in plain words. */
import { ROLE_TITLES, SEVERITY_DEFINITIONS, SEVERITY_LEVELS, type RoleId } from '../../engine';
import { R3AI_LABELS } from './labels';

export type GlossaryId = 'v-sev' | 'r3ai' | 'trace' | 'regulatory-clock' | `role-${RoleId}`;

const ROLE_MEANINGS: Readonly<Record<RoleId, string>> = {
  'executive-sponsor': 'Owns the decision at board level, authorises spending and speaks for the organisation in public.',
  'incident-lead': 'Coordinates the whole response, keeps the incident log and makes sure each decision is taken by the role that owns it.',
  'technical-lead': 'Contains the system: suspends it, preserves the evidence and isolates the data pipelines.',
  'legal-lead': 'Knows which obligations apply, to whom and by when, and keeps the organisation within the law.',
  'comms-lead': 'Speaks to the people affected, the staff and the press, at the right time and without blame.',
  'business-owner': 'Runs the process the system serves, keeps it going by hand and feels the pressure to restart.',
};

type FixedId = Exclude<GlossaryId, `role-${RoleId}`>;

const TERMS: Readonly<Record<FixedId, { readonly term: string; readonly meaning: string }>> = {
  'v-sev': {
    term: 'V-SEV',
    meaning: `The V-AIM severity scale, set at detection and revised as the facts change: ${SEVERITY_LEVELS.map((l) => `V${l} ${SEVERITY_DEFINITIONS[l].name}`).join(', ')}. Severity sets the tempo and who must be told.`,
  },
  r3ai: {
    term: 'R3AI',
    meaning: `What kind of AI failure this is: ${Object.values(R3AI_LABELS).map((c) => `${c.name} (${c.meaning.replace(/\.$/, '').toLowerCase()})`).join('; ')}.`,
  },
  trace: {
    term: 'TRACE',
    meaning:
      'The lessons-learned review after the incident: Trust (was the system trusted appropriately?), Root cause, Accountability (who was responsible at each stage?), Correction (what was fixed?), Evolution (what governance change prevents it happening again?).',
  },
  'regulatory-clock': {
    term: 'Regulatory clock',
    meaning: 'A legal or policy deadline that starts when its trigger happens (often: when the organisation becomes aware) and keeps running whatever else is going on.',
  },
};

const isRole = (id: GlossaryId): id is `role-${RoleId}` => id.startsWith('role-');

/** The explanation of a glossary term. */
export function glossary(id: GlossaryId): { readonly term: string; readonly meaning: string } {
  if (isRole(id)) {
    const role = id.slice(5) as RoleId;
    return { term: ROLE_TITLES[role], meaning: `One of the six V-AIM command roles. ${ROLE_MEANINGS[role]}` };
  }
  return TERMS[id];
}
