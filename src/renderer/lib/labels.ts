/** Display labels for the V-AIM vocabulary. */
import { ROLE_TITLES, SEVERITY_DEFINITIONS, STAGE_TITLES, type Actor, type R3aiCategory, type SeverityLevel, type Stage } from '../../engine';

/** Stage titles (the engine's vocabulary). */
export const STAGE_LABELS: Readonly<Record<Stage, string>> = STAGE_TITLES;

export const R3AI_LABELS: Readonly<Record<R3aiCategory, { name: string; meaning: string }>> = {
  reliability: { name: 'Reliability', meaning: 'The system does not do what it should.' },
  resilience: { name: 'Resilience', meaning: 'It cannot hold performance under real conditions (e.g. drift).' },
  responsibility: { name: 'Responsibility', meaning: 'Harm, bias or ethical damage.' },
};

/** "V3 Significant". */
export function severityLabel(level: number): string {
  const definition = SEVERITY_DEFINITIONS[level as SeverityLevel];
  return definition ? `V${level} ${definition.name}` : 'Not classified';
}

/** The person-facing name of who did something. */
export function actorLabel(actor: Actor): string {
  if (actor === 'facilitator') return 'Facilitator';
  if (actor === 'system') return 'System';
  return ROLE_TITLES[actor];
}

export const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  'monitoring-alert': 'Monitoring alert',
  dashboard: 'Dashboard',
  email: 'Email',
  call: 'Phone call',
  chat: 'Chat',
  meeting: 'Meeting',
  memo: 'Memo',
  complaint: 'Complaint',
  news: 'News',
  social: 'Social media',
  'regulator-letter': 'Regulator letter',
};

export const DIFFICULTY_LABELS: Readonly<Record<string, string>> = {
  introductory: 'Introductory',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};
