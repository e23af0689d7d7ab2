/**
 * Packs are read with one parser (`yaml`, YAML 1.2 core schema, which keeps
 * source positions). These are the plain scalars authors trip over, with the
 * value the YAML 1.2 core schema gives them (not YAML 1.1: `yes`, `on`,
 * `0b1`, `12:30` and `1_000` stay text).
 */
import { describe, expect, it } from 'vitest';
import { parseSourceFile } from '../../../src/main/packs/yaml-read';

const valueOf = (scalar: string): unknown => {
  const parsed = parseSourceFile('pack.yaml', new TextEncoder().encode(`v: ${scalar}\n`));
  expect(parsed.issues).toEqual([]);
  return (parsed.value as { v: unknown }).v;
};

describe('YAML 1.2 core scalars in a pack file', () => {
  it.each<[string, unknown]>([
    ['~', null],
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['nULL', 'nULL'],
    ['true', true],
    ['True', true],
    ['FALSE', false],
    ['tRue', 'tRue'],
    ['yes', 'yes'],
    ['on', 'on'],
    ['off', 'off'],
    ['12', 12],
    ['+12', 12],
    ['017', 17],
    ['00', 0],
    ['0o17', 15],
    ['0o8', '0o8'],
    ['0x1F', 31],
    ['+0x10', '+0x10'],
    ['0b101', '0b101'],
    ['1_000', '1_000'],
    ['1.', 1],
    ['.5', 0.5],
    ['-.5', -0.5],
    ['1e3', 1000],
    ['0.1e+2', 10],
    ['1e400', Number.POSITIVE_INFINITY],
    ['.inf', Number.POSITIVE_INFINITY],
    ['-.Inf', Number.NEGATIVE_INFINITY],
    ['.NaN', Number.NaN],
    ['1.2.3', '1.2.3'],
    ['12:30', '12:30'],
    ['2027-12-06T08:30:00Z', '2027-12-06T08:30:00Z'],
    ['=', '='],
    ['<<', '<<'],
  ])('reads %s as %o', (scalar, expected) => {
    expect(valueOf(scalar)).toEqual(expected);
  });

  it('does not merge `<<` keys (merge keys are not part of YAML 1.2)', () => {
    const parsed = parseSourceFile('pack.yaml', new TextEncoder().encode('base: &b { a: 1 }\nv:\n  <<: *b\n  c: 2\n'));
    expect(parsed.value).toEqual({ base: { a: 1 }, v: { '<<': { a: 1 }, c: 2 } });
  });
});
