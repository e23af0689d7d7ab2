import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/engine/pack/loose';
import { type MigrationTable, migratePack, PACK_MIGRATIONS } from '../../../src/engine/pack/migrate';
import { validatePack } from '../../../src/engine/pack/validate';
import { describeIssue, minimalPackInput } from './minimal-pack';

/**
 * A made-up format 0 for testing the hook: it called the title `name` and
 * wrote the scenario length as `clock.hours`.
 */
function formatZeroPack(): Json {
  const pack = minimalPackInput();
  const { title, clock, ...rest } = pack;
  const { end: _end, ...clockRest } = clock;
  return { ...rest, format: 0, name: title, clock: { ...clockRest, hours: 8 } };
}

const FAKE_MIGRATIONS: MigrationTable = {
  0: {
    note: '"name" became "title"; clock.hours became clock.end',
    migrate: (pack) => {
      const { name, clock, ...rest } = pack as Json & { name: string; clock: Json & { hours: number } };
      const { hours, ...clockRest } = clock;
      return { ...rest, title: name, clock: { ...clockRest, end: `${hours}h` } };
    },
  },
  1: PACK_MIGRATIONS[1]!,
};

describe('format migrations', () => {
  it('carries a format-1 pack forward unchanged (format 2 only adds optional fields), with a warning', () => {
    expect(Object.keys(PACK_MIGRATIONS)).toEqual(['1']);
    const pack = { format: 1, id: 'x' };
    const result = migratePack(pack);
    expect(result.ok && result.value.pack).toEqual({ format: 2, id: 'x' });
    expect(result.ok && result.value.warnings.map(describeIssue)).toEqual([
      'warning format: written in format 1 and migrated to format 2 when read (format 2 only adds optional fields, so nothing in the pack changes meaning); update the pack to format 2',
    ]);
  });

  it('migrates an older pack before validating it, and says so in a warning', () => {
    const input = formatZeroPack();
    const result = validatePack(input, { migrations: FAKE_MIGRATIONS });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.pack.title).toBe('Minimal screening incident');
    expect(result.value.pack.clock.end).toBe(480);
    expect(result.value.pack.format).toBe(2);
    expect(result.value.warnings.map(describeIssue)).toEqual([
      'warning format: written in format 0 and migrated to format 1 when read ("name" became "title"; clock.hours became clock.end); update the pack to format 2',
      'warning format: written in format 1 and migrated to format 2 when read (format 2 only adds optional fields, so nothing in the pack changes meaning); update the pack to format 2',
    ]);
  });

  it('never misreads an older pack as the current format', () => {
    const result = validatePack(formatZeroPack());
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      'error format: format 0 is not a pack format this app can read (it reads format 2)',
    ]);
  });

  it('does not change its input', () => {
    const input = formatZeroPack();
    const before = JSON.stringify(input);
    validatePack(input, { migrations: FAKE_MIGRATIONS });
    expect(JSON.stringify(input)).toBe(before);
  });

  it('applies the steps in order, one version at a time', () => {
    const seen: number[] = [];
    const step = (from: number) => ({
      note: `step ${from}`,
      migrate: (pack: Json) => {
        seen.push(pack.format as number);
        return { ...pack, [`step${from}`]: true };
      },
    });
    const result = migratePack({ format: 1 }, { 1: step(1), 2: step(2) }, 3);
    expect(seen).toEqual([1, 2]);
    expect(result.ok && result.value.pack).toEqual({ format: 3, step1: true, step2: true });
    expect(result.ok && result.value.warnings.length).toBe(2);
  });

  it('reports a migration that fails instead of throwing', () => {
    const broken: MigrationTable = {
      0: {
        note: 'broken',
        migrate: () => {
          throw new Error('no clock to convert');
        },
      },
    };
    const result = validatePack(formatZeroPack(), { migrations: broken });
    expect(result.ok ? [] : result.error.map(describeIssue)).toEqual([
      'error format: could not migrate this pack from format 0 to 1: no clock to convert',
    ]);
  });
});
