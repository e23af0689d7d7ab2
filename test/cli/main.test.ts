import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { COMMANDS } from '../../src/cli/registry';
import { capture } from './capture';

describe('vaim (dispatcher)', () => {
  it('lists every registered command in --help and exits 0', async () => {
    const c = capture();
    expect(await main(['--help'], c.io)).toBe(0);
    expect(c.out()).toMatch(/^Usage: vaim <command> \[options\]/);
    for (const command of COMMANDS) expect(c.out()).toContain(`  ${command.name}`);
    expect(c.err()).toBe('');
  });

  it('prints usage on stderr and exits 2 without a command', async () => {
    const c = capture();
    expect(await main([], c.io)).toBe(2);
    expect(c.err()).toMatch(/^Usage: vaim/);
  });

  it('rejects an unknown command with a suggestion, exit 2', async () => {
    const c = capture();
    expect(await main(['valdate', 'x'], c.io)).toBe(2);
    expect(c.err().split('\n')[0]).toBe('vaim: unknown command "valdate" (did you mean "validate"?)');
    expect(c.out()).toBe('');
  });

  it('shows a command’s own usage for `vaim <cmd> --help` and `vaim help <cmd>`', async () => {
    for (const argv of [['validate', '--help'], ['help', 'validate'], ['validate', 'somewhere', '-h']]) {
      const c = capture();
      expect(await main(argv, c.io)).toBe(0);
      expect(c.out()).toMatch(/^Usage: vaim validate <path\.\.\.> \[--json\]/);
    }
  });

  it('has one uniquely named entry per command', () => {
    const names = COMMANDS.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['validate', 'schema']));
  });
});
