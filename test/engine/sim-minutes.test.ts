/**
 * Scenario minutes as a unit: a plain number (real seconds, milliseconds, a
 * count) does not pass for scenario time; the pack's durations, the clock's
 * commands and the helpers yield it, and sums stay in the unit only through
 * the helpers.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  after, before, between, commandSchema, createRun, durationSchema, earliest, latest, MAX_SIM_MINUTES, NEVER, ONE_MINUTE,
  parseCommand, realSecondsFor, scaled, simMinutes, simMinutesSchema, START,
  type Command, type InjectId, type Pack, type RunState, type SimMinutes,
} from '../../src/engine';
import { minimalPack } from '../renderer/minimal-pack';
import { testRunId } from '../ids';

describe('SimMinutes', () => {
  it('is not a plain number: a real-time figure cannot be passed for scenario time', () => {
    const realSeconds = 42;
    // @ts-expect-error a plain number is not scenario minutes
    const wrong: SimMinutes = realSeconds;
    // @ts-expect-error nor is the sum of two scenario times (use `after`)
    const sum: SimMinutes = simMinutes(1) + simMinutes(2);
    // @ts-expect-error a command's clock target is scenario minutes, not a number
    const advance: Command = { type: 'clock.advance', to: 5 };
    expect([wrong, sum, advance]).toHaveLength(3);
    // …while the unit reads as a number wherever a number is enough (comparison, display, arithmetic for charts).
    const asNumber: number = simMinutes(90);
    expect(asNumber > 60).toBe(true);
  });

  it('comes out of the pack schema, the command schema and the run state', () => {
    expectTypeOf(durationSchema.parse('1d 2h')).toEqualTypeOf<SimMinutes>();
    expectTypeOf<Pack['clock']['end']>().toEqualTypeOf<SimMinutes>();
    expectTypeOf<RunState['clock']['now']>().toEqualTypeOf<SimMinutes>();
    expectTypeOf<RunState['fired'][InjectId]>().toEqualTypeOf<SimMinutes>();
    expect(durationSchema.parse('1d 2h 30m')).toBe(1590);
    expect(durationSchema.parse(90)).toBe(90);
    const parsed = parseCommand({ type: 'clock.advance', to: 120 });
    expect(parsed.ok && parsed.value).toEqual({ type: 'clock.advance', to: 120 });
    const state = createRun(minimalPack(), {
      runId: testRunId('r'), engineVersion: 2, packId: minimalPack().id, packVersion: '1.0.0', packHash: 'h', seed: 1, mode: 'solo', createdAt: '', participants: [],
    });
    expect(state.clock.now).toBe(START);
  });

  it('is refused at the command boundary unless it is whole, not negative and within the longest scenario', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_SIM_MINUTES + 1, '30', null, '1h']) {
      expect(simMinutesSchema.safeParse(bad).success, String(bad)).toBe(false);
      expect(commandSchema.safeParse({ type: 'clock.advance', to: bad }).success, String(bad)).toBe(false);
    }
    expect(simMinutesSchema.parse(0)).toBe(0);
    expect(simMinutesSchema.parse(MAX_SIM_MINUTES)).toBe(MAX_SIM_MINUTES);
  });

  it('keeps sums, spans and bounds in the unit', () => {
    const nine = simMinutes(540);
    expectTypeOf(after(nine, ONE_MINUTE)).toEqualTypeOf<SimMinutes>();
    expect(after(nine, simMinutes(90))).toBe(630);
    expect(before(nine, simMinutes(40))).toBe(500);
    expect(between(simMinutes(30), nine)).toBe(510);
    expect(between(nine, simMinutes(30))).toBe(-510);
    expect(earliest(nine, simMinutes(60), simMinutes(600))).toBe(60);
    expect(latest(nine, simMinutes(60), simMinutes(600))).toBe(600);
    expect(scaled(simMinutes(90), 0.5)).toBe(45);
    expect(scaled(simMinutes(91), 0.5)).toBe(45);
    expect(earliest(NEVER, nine)).toBe(nine);
    expect(START).toBe(0);
  });

  it('meets real time only through the clock speed', () => {
    // Two hours of scenario time at 60 scenario minutes per real second take 2 real seconds.
    expect(realSecondsFor(simMinutes(120), 60)).toBe(2);
    expectTypeOf(realSecondsFor(simMinutes(120), 60)).toEqualTypeOf<number>();
  });
});
