/** The pack linter: each warning on the smallest pack that shows it, and its absence where the pack is fine. */
import { describe, expect, it } from 'vitest';
import { formatPackPath } from '../../../src/engine/pack/issues';
import { lintPack } from '../../../src/engine/lint';
import { SETTLE_ROUND_CAP } from '../../../src/engine/settle';
import { minimalInput, packFrom } from '../scoring/helpers';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary places of the raw input
type Input = any;

/** The warnings as `path: message`, with a light exploration (the minimal pack is small). */
function warnings(edit: (src: Input) => void = () => {}, options: { random?: number } = {}): string[] {
  const src: Input = minimalInput();
  edit(src);
  return lintPack(packFrom(src), { random: options.random ?? 2 }).warnings.map((w) => `${formatPackPath(w.path)}: ${w.message}`);
}

const inject = (id: string, extra: Record<string, unknown>) => ({ id, stage: 'govern', channel: 'email', title: id, body: `The ${id} inject.`, ...extra });
const flag = (id: string) => ({ id, label: id, type: 'boolean', initial: false });

describe('lintPack', () => {
  it('finds nothing to say about the minimal pack', () => {
    expect(warnings()).toEqual([]);
  });

  describe('unreachable injects', () => {
    it('a `when` on a flag nothing ever sets', () => {
      expect(warnings((src) => {
        src.variables.push(flag('escalated'));
        src.injects.push(inject('board-call', { when: { var: 'escalated', eq: true } }));
      })).toEqual([
        'injects[3].when: inject "board-call" can never fire in any run: its `when` can never hold: variable "escalated" is always false (no reachable effect sets it to anything else) (only a facilitator releasing it early could show it)',
      ]);
    });

    it('is reachable once any reachable act sets the flag (the fixpoint follows effects)', () => {
      expect(warnings((src) => {
        src.variables.push(flag('escalated'));
        src.injects.push(inject('board-call', { when: { var: 'escalated', eq: true } }));
        src.moves[1].effects.push({ set: 'escalated', to: true });
      })).toEqual([]);
    });

    it('a set in an unreachable place does not count, and the chain behind it is unreachable too', () => {
      expect(warnings((src) => {
        src.variables.push(flag('escalated'), flag('never'));
        src.moves.push({ id: 'escalate', label: 'Escalate', stage: 'govern', owner: 'incident-lead', requires: { var: 'never', eq: true }, effects: [{ set: 'escalated', to: true }] });
        src.injects.push(inject('board-call', { when: { var: 'escalated', eq: true } }), inject('follow-up', { when: { sinceInject: 'board-call', atLeast: '1h' } }));
      }).slice(0, 3)).toEqual([
        'injects[3].when: inject "board-call" can never fire in any run: its `when` can never hold: variable "escalated" is always false (no reachable effect sets it to anything else) (only a facilitator releasing it early could show it)',
        'injects[4].when: inject "follow-up" can never fire in any run: its `when` can never hold: inject "board-call" can never fire (only a facilitator releasing it early could show it)',
        'moves[4].requires: move "escalate" can never be made: its precondition can never hold (variable "never" is always false (no reachable effect sets it to anything else))',
      ]);
    });

    it('a harm threshold the accrual cannot reach before the end (12 an hour for 8 hours is at most 96)', () => {
      expect(warnings((src) => src.injects.push(inject('outcry', { when: { var: 'wrongly-rejected', gte: 100 } })))).toEqual([
        'injects[3].when: inject "outcry" can never fire in any run: its `when` can never hold: variable "wrongly-rejected" stays between 0 and 96 in every run (its initial value, the reachable effects and its accrual until the scenario ends) (only a facilitator releasing it early could show it)',
      ]);
    });

    it('a threshold the accrual can reach is not flagged', () => {
      expect(warnings((src) => src.injects.push(inject('outcry', { when: { var: 'wrongly-rejected', gte: 90 } })))).toEqual([]);
    });

    it('a `not` of something that always holds, and an elapsed time past the end', () => {
      expect(warnings((src) => {
        src.variables.push(flag('never'));
        src.injects.push(inject('a', { when: { not: { var: 'never', eq: false } } }), inject('b', { when: { elapsed: { gt: '9h' } } }));
      })).toEqual([
        'injects[3].when: inject "a" can never fire in any run: its `when` can never hold: the condition under "not" always holds (only a facilitator releasing it early could show it)',
        'injects[4].when: inject "b" can never fire in any run: its `when` can never hold: the scenario ends at 8h (only a facilitator releasing it early could show it)',
      ]);
    });

    it('an inject only fired by an effect nobody can apply', () => {
      expect(warnings((src) => {
        src.variables.push(flag('never'));
        src.injects.push(inject('memo', { when: { var: 'never', eq: true } }));
        src.moves.push({ id: 'send', label: 'Send', stage: 'govern', owner: 'incident-lead', requires: { var: 'never', eq: true }, effects: [{ fire: 'memo' }] });
      })[0]).toBe('injects[3].when: inject "memo" can never fire in any run: its `when` can never hold: variable "never" is always false (no reachable effect sets it to anything else); the effects that fire it (move "send") can never apply (only a facilitator releasing it early could show it)');
    });

    it('a reachable inject that no explored run fired (nobody ever classifies the failure as reliability)', () => {
      expect(warnings((src) => src.injects.push(inject('odd', { when: { r3ai: 'reliability' } })))).toEqual([
        'injects[3]: inject "odd" fired in none of the 26 explored runs (reference, strategy zoo, greedy and random policies): check that some response can reach it',
      ]);
    });
  });

  describe('decisions, moves and obligations', () => {
    it('a decision nothing opens, and one whose only opener never fires', () => {
      expect(warnings((src) => {
        src.variables.push(flag('never'));
        src.decisions.push({ id: 'orphan', kind: 'text', prompt: 'Why?' }, { id: 'late', kind: 'text', prompt: 'When?' });
        src.injects.push(inject('opener', { when: { var: 'never', eq: true }, opens: ['late'] }));
      }).filter((w) => w.startsWith('decisions'))).toEqual([
        'decisions[1]: decision "orphan" is never asked in any run: no inject opens it (`opens`) and no effect opens it (`{ open: orphan }`)',
        'decisions[2]: decision "late" is never asked in any run: only inject "opener" opens it, and that never happens',
      ]);
    });

    it('a move that changes nothing, but not once a condition reads it', () => {
      const move = { id: 'hold-meeting', label: 'Hold a meeting', stage: 'govern', owner: 'incident-lead' };
      expect(warnings((src) => src.moves.push(move))).toEqual([
        'moves[4]: move "hold-meeting" changes nothing: it has no effects, is not required, forbidden or a filing, has no marks or cost, and no condition reads it; give it an effect or a mark, or remove it',
      ]);
      expect(warnings((src) => {
        src.moves.push(move);
        src.injects.push(inject('minutes', { when: { move: 'hold-meeting' } }));
      })).toEqual([]);
    });

    it('an obligation whose trigger can never hold', () => {
      expect(warnings((src) => {
        src.variables.push(flag('breach'));
        src.obligations.push({ id: 'gdpr', title: 'Notify the DPA', basis: 'GDPR Art. 33', trigger: { var: 'breach', eq: true }, deadline: '72h', recipient: 'DPA', owner: 'incident-lead', satisfiedBy: ['notify-provider'] });
      })).toEqual([
        'obligations[1].trigger: obligation "gdpr" never starts in any run: its trigger can never hold (variable "breach" is always false (no reachable effect sets it to anything else))',
      ]);
    });
  });

  describe('what the reference does not demonstrate', () => {
    it('a required move the timeline never makes, one it makes too late, an obligation it misses', () => {
      expect(warnings((src) => {
        src.reference.required.push({ move: 'notify-provider', within: '30m', reason: 'Tell them early.' }, { anyOf: ['restart-model'], within: '1h', from: { inject: 'complaint' }, reason: 'Restart.' });
        src.reference.timeline = src.reference.timeline.filter((e: Input) => e.command.move !== 'restart-model');
        src.obligations.push({ id: 'tell-board', title: 'Tell the board', basis: 'Own incident policy', trigger: { inject: 'fairness-alert' }, deadline: '1h', recipient: 'Board', owner: 'incident-lead', satisfiedBy: ['restart-model'] });
      }).filter((w) => /^(reference|obligations)/.test(w))).toEqual([
        'reference.required[2]: the reference timeline makes move "notify-provider" at 1h, after its deadline (30m): make it earlier in the timeline',
        'reference.required[3]: the reference timeline never makes move "restart-model", which the reference requires: add it to the timeline (within 1h) or drop the requirement',
        'obligations[1]: obligation "tell-board" starts in the reference run (at 30m) but the reference timeline never meets it: add one of "restart-model" before 1h 30m',
      ]);
    });
  });

  describe('obligations the run can never judge', () => {
    it('a deadline after the scenario ends: ignoring it would cost nothing', () => {
      expect(warnings((src) => {
        src.obligations.push({ id: 'tell-dpa', title: 'Tell the DPA', basis: 'GDPR Art. 33(1)', trigger: { inject: 'fairness-alert' }, deadline: '72h', recipient: 'Data protection authority', owner: 'legal-lead', satisfiedBy: ['notify-provider'] });
      }).filter((w) => /^obligations/.test(w))).toEqual([
        'obligations[1].deadline: obligation "tell-dpa" starts in the reference run at 30m and is due at 3d 30m, after the scenario ends (8h): a clock still running at the end is not judged, so a team that ignores it loses nothing; lengthen clock.end past 3d 30m, or give it an earlier deadline that falls inside the run',
      ]);
    });

    it('says nothing of a deadline inside the run', () => {
      expect(warnings((src) => {
        src.obligations.push({ id: 'tell-dpa', title: 'Tell the DPA', basis: 'GDPR Art. 33(1)', trigger: { inject: 'fairness-alert' }, deadline: '6h', recipient: 'Data protection authority', owner: 'legal-lead', satisfiedBy: ['notify-provider'] });
      }).filter((w) => /^obligations/.test(w))).toEqual([]);
    });
  });

  describe('dead ends', () => {
    it('a long quiet stretch is none: "Next event" takes the team to the next thing that happens', () => {
      expect(warnings((src) => {
        src.clock.end = '2d';
        src.clock.compression = 10;
        src.injects.push(inject('late-call', { when: { elapsed: { gte: '1d 20h' } } }));
      }, { random: 0 }).filter((w) => w.startsWith('clock'))).toEqual([]);
    });

    it('a clock that triggers stick: the run can only be ended there', () => {
      const found = warnings((src) => {
        // A chain longer than the settle cap, set off by the alert: the clock cannot pass the minute it fires.
        const length = SETTLE_ROUND_CAP + 5;
        src.injects.push(...Array.from({ length }, (_, i) => inject(`c${i}`, { when: i === length - 1 ? { inject: 'fairness-alert' } : { inject: `c${i + 1}` } })));
      }, { random: 0 }).filter((w) => w.startsWith('clock'));
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^clock: dead end in run "[^"]+": at 30m the clock cannot advance \(.*\); the run can only be ended there \(\d+ runs\)$/);
    });
  });

  describe('text and rationales', () => {
    it('an inject body longer than a screen and an option without a rationale', () => {
      expect(warnings((src) => {
        src.injects[0].body = 'x'.repeat(1501);
        src.decisions.push({ id: 'pick', kind: 'single', prompt: 'Pick', options: [{ id: 'a', label: 'A', rationale: 'Good.' }, { id: 'b', label: 'B' }] });
        src.injects[1].opens = ['pick'];
      })).toEqual([
        'injects[0].body: the inject body is 1501 characters, longer than one screen (1500); shorten it, or move the detail into an attachment',
        'decisions[1].options[1]: option "b" of decision "pick" has no rationale: the debrief cannot say why it is a good or a poor choice',
      ]);
    });
  });
});
