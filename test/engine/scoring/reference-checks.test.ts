/** Warnings the self-check gives about a pack's reference (vaim validate prints them). */
import { describe, expect, it } from 'vitest';
import { selfCheck } from '../../../src/engine/scoring';
import { minimalInput, packFrom } from './helpers';

type Input = Record<string, unknown> & {
  moves: Record<string, unknown>[];
  decisions: Record<string, unknown>[];
  reference: Record<string, unknown> & { required: Record<string, unknown>[]; timeline: Record<string, unknown>[] };
};
const input = () => minimalInput() as Input;
const warnings = (src: Input) => selfCheck(packFrom(src)).issues.filter((i) => i.severity === 'warning').map((i) => `${i.path.join('.')}: ${i.message}`);

describe('reference warnings', () => {
  it('none for a consistent pack', () => {
    expect(warnings(input())).toEqual([]);
  });

  it('a reference act made by a role without the authority', () => {
    const src = input();
    const entry = src.reference.timeline.find((e) => (e.command as { move?: string }).move === 'notify-provider')!;
    entry.by = 'technical-lead';
    expect(warnings(src)).toContainEqual(expect.stringMatching(/^reference\.timeline\.6\.by: the reference makes “Inform the provider of the suspected serious incident” as the Technical Containment Lead, outside its authority \(it belongs to the Incident Lead\)/));
  });

  it('a restart-like act the recovery gate cannot see', () => {
    const src = input();
    src.moves.push({ id: 'switch-back-on', label: 'Switch the model back on', stage: 'recover', owner: 'technical-lead', effects: [{ set: 'model-live', to: true }] });
    expect(warnings(src)).toContainEqual(expect.stringMatching(/^moves\.4\.effects: move “Switch the model back on” puts the system back into service like a restart move but is not one of recovery\.restartMoves/));
  });

  it('a requirement counted from an inject the reference never receives', () => {
    const src = input() as Input & { injects: Record<string, unknown>[] };
    src.injects.push({ id: 'minister-call', stage: 'govern', when: { var: 'wrongly-rejected', gte: 1000 }, channel: 'call', title: 'The minister calls', body: 'Why?' });
    src.reference.required.push({ move: 'notify-provider', within: '1h', from: { inject: 'minister-call' }, reason: 'Answer the minister.' });
    expect(warnings(src)).toContainEqual('reference.required.2.from.inject: inject “minister-call” never fires in the reference run, so this requirement (within 1h of it) is never demonstrated by the reference');
  });

  it('a severity prompt whose best answer the reference severity does not accept', () => {
    const src = input();
    src.decisions[0]!.best = ['v5'];
    expect(warnings(src)).toContainEqual('decisions.0.best: best answers v5 are not among the levels the reference severity accepts when the prompt opens (V3)');
  });
});
