/** The Content-Security-Policy the renderer ships with. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/shared/csp';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('contentSecurityPolicy', () => {
  it('is the policy written in the renderer index.html', () => {
    const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');
    expect(html).toContain(`content="${contentSecurityPolicy('production')}"`);
  });

  it('allows nothing remote and no inline script in production', () => {
    const policy = directives(contentSecurityPolicy('production'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(contentSecurityPolicy('production')).not.toMatch(/https?:|unsafe-|\*/);
  });

  it('only loosens script and connect for the local dev server in development', () => {
    const policy = directives(contentSecurityPolicy('development'));
    expect(policy.get('connect-src')).toEqual(["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*']);
    expect(policy.get('default-src')).toEqual(["'none'"]);
  });
});
