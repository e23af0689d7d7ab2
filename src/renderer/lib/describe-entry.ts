/** A log entry in plain words, for the decision log and announcements. */
import { assertNever, DEFAULT_READINESS_ITEMS, formatSpan, ROLE_TITLES, type Command, type Decision, type Fact, type LogEntry, type Pack } from '../../engine';
import { actorLabel, R3AI_LABELS, severityLabel } from './labels';

/** One line describing what a command did ("made a move: Suspend the model"), or undefined for clock ticks. */
export function describeCommand(pack: Pack, command: Command): string | undefined {
  switch (command.type) {
    case 'clock.advance':
      return undefined;
    case 'role.assign':
      return `assigned ${command.participant} as ${ROLE_TITLES[command.role]}`;
    case 'role.unassign':
      return `unassigned the ${ROLE_TITLES[command.role]}`;
    case 'readiness.set':
      return `readiness “${readinessLabel(pack, command.item)}”: ${command.value ? 'in place' : 'not in place'}`;
    case 'run.start':
      return 'started the clock';
    case 'run.end':
      return `ended the run${command.reason ? ` (${command.reason})` : ''}`;
    case 'clock.pause':
      return 'paused the clock';
    case 'clock.resume':
      return 'resumed the clock';
    case 'clock.setCompression':
      return `set the speed to ${Number(command.compression.toPrecision(3))} scenario min per second`;
    case 'clock.jumpToNext':
      return 'jumped to the next event';
    case 'severity.classify':
      return `classified severity ${severityLabel(command.level)}`;
    case 'r3ai.classify':
      return `classified the failure as ${R3AI_LABELS[command.category].name}`;
    case 'move.make':
      return `made the move “${pack.moves.find((m) => m.id === command.move)?.label ?? command.move}”`;
    case 'decision.answer': {
      const decision = pack.decisions.find((d) => d.id === command.decision);
      const labels = command.options.map((id) => optionLabel(decision, id));
      return `answered “${firstLine(decision?.prompt ?? command.decision)}”: ${labels.join(', ') || command.text || '—'}`;
    }
    case 'trace.rootCause':
      return `chose the root cause “${pack.reference.trace.rootCause.candidates.find((c) => c.id === command.candidate)?.label ?? command.candidate}”`;
    case 'trace.select':
      return `selected ${command.ids.length} ${command.section === 'correction' ? 'corrections' : 'evolutions'}`;
    case 'trace.reflect':
      return `wrote a reflection (${command.section})`;
    case 'trace.actionItem.add':
      return `added an action item for the ${ROLE_TITLES[command.owner]}: ${command.text}`;
    case 'trace.actionItem.remove':
      return 'removed an action item';
    case 'inject.release':
      return `released “${pack.injects.find((i) => i.id === command.inject)?.title ?? command.inject}” early`;
    case 'inject.adhoc':
      return `added an inject: ${command.title}`;
    case 'note.add':
      return `noted: ${command.text}`;
    default:
      return assertNever(command);
  }
}

/** An option as people read it (severity and R3AI prompts accept their levels and categories, listed or not). */
function optionLabel(decision: Decision | undefined, id: string): string {
  const listed = decision?.options?.find((o) => o.id === id)?.label;
  if (listed) return listed;
  const level = /^v([1-5])$/.exec(id);
  if (level) return severityLabel(Number(level[1]));
  if (id in R3AI_LABELS) return R3AI_LABELS[id as keyof typeof R3AI_LABELS].name;
  return id;
}

function readinessLabel(pack: Pack, id: string): string {
  return (pack.readiness ?? DEFAULT_READINESS_ITEMS).find((item) => item.id === id)?.label ?? id;
}

/** "Technical Containment Lead made the move …". */
export function describeEntry(pack: Pack, entry: LogEntry): string | undefined {
  const what = describeCommand(pack, entry.command);
  return what ? `${actorLabel(entry.by)} ${what}` : undefined;
}

/** A fact in words, for screen-reader announcements and the feed. */
export function describeFact(pack: Pack, fact: Fact): string {
  switch (fact.type) {
    case 'inject.fired':
      return `New: ${pack.injects.find((i) => i.id === fact.injectId)?.title ?? 'facilitator inject'}`;
    case 'decision.opened':
      return `Decision needed: ${firstLine(pack.decisions.find((d) => d.id === fact.decisionId)?.prompt ?? fact.decisionId)}`;
    case 'decision.expired':
      return `No decision in time: ${firstLine(pack.decisions.find((d) => d.id === fact.decisionId)?.prompt ?? fact.decisionId)}`;
    case 'move.effective':
      return `Took effect: ${pack.moves.find((m) => m.id === fact.moveId)?.label ?? fact.moveId}`;
    case 'move.outsideAuthority':
      return `Recorded outside the role's authority: ${pack.moves.find((m) => m.id === fact.moveId)?.label ?? fact.moveId}`;
    case 'gate.violated':
      return `Restarted before every recovery criterion held (${fact.unmet.length} unmet)`;
    case 'obligation.started':
      return `Regulatory clock started: ${pack.obligations.find((o) => o.id === fact.obligationId)?.title ?? fact.obligationId} (due in ${formatSpan(fact.dueAt - fact.at)})`;
    case 'obligation.met':
      return `${fact.late ? 'Met late' : 'Met'}: ${pack.obligations.find((o) => o.id === fact.obligationId)?.title ?? fact.obligationId}`;
    case 'obligation.overdue':
      return `Overdue: ${pack.obligations.find((o) => o.id === fact.obligationId)?.title ?? fact.obligationId}`;
    case 'run.ended':
      return 'The run has ended.';
    case 'service.changed':
      return fact.inService ? `The AI system is back in service${fact.unmet.length ? ` with ${fact.unmet.length} recovery criteria unmet` : ''}` : 'The AI system is out of service';
    default:
      return assertNever(fact);
  }
}

/** The first line of a Markdown text, without Markdown marks. */
export function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim()) ?? text;
  const plain = line.replace(/[#*_`>]/g, '').trim();
  return plain.length > 120 ? `${plain.slice(0, 117)}…` : plain;
}
