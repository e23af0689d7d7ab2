/**
 * What a participant may submit, for every command the engine knows and
 * every actor a message could name: only their own role's moves, decisions
 * (asked of their role or of everyone) and classifications — never anything
 * of the facilitator's, never as anyone else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_IDS, simMinutes, type RoleId } from '../../../src/engine';
import { participantRefusal, PARTICIPANT_COMMANDS } from '../../../src/main/server/room/authority';
import { intentArbitrary } from '../../engine/helpers/command-arbitrary';
import { minimalPack } from '../../renderer/minimal-pack';

const pack = minimalPack();

describe('participantRefusal', () => {
  it('accepts exactly the participant’s own role, the allowed command types and decisions asked of them', () => {
    fc.assert(
      fc.property(fc.constantFrom<RoleId | null>(...ROLE_IDS, null), intentArbitrary(pack), (role, intent) => {
        const command = intent.kind === 'command' ? intent.command : { type: 'clock.advance' as const, to: simMinutes(intent.minutes) };
        const refusal = participantRefusal(pack, role, intent.by, command);
        const askedTo = command.type === 'decision.answer' ? pack.decisions.find((d) => d.id === command.decision)?.askedTo : undefined;
        const allowed = role !== null && intent.by === role && PARTICIPANT_COMMANDS.has(command.type) && (!askedTo || askedTo.includes(role));
        expect(refusal === undefined).toBe(allowed);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets a facilitator command through, whoever the message says it is from', () => {
    for (const type of ['clock.pause', 'clock.resume', 'clock.jumpToNext', 'inject.release', 'inject.adhoc', 'note.add', 'role.assign', 'run.end', 'run.start'] as const) {
      expect(PARTICIPANT_COMMANDS.has(type)).toBe(false);
    }
    expect(participantRefusal(pack, 'incident-lead', 'facilitator', { type: 'severity.classify', level: 3 })).toMatch(/not yours/);
    expect(participantRefusal(pack, null, 'incident-lead', { type: 'severity.classify', level: 3 })).toMatch(/no command role yet/);
  });
});
