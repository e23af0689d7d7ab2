/** App-wide hardening, with electron objects faked: no navigation, no new windows, no permissions, no network. */
import { describe, expect, it, vi } from 'vitest';
import { lockDownSession, lockDownWebContents } from '../../../src/main/electron/security';

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  let openHandler: (() => unknown) | undefined;
  return {
    on: (name: string, listener: (...args: unknown[]) => void) => void listeners.set(name, listener),
    setWindowOpenHandler: (handler: () => unknown) => void (openHandler = handler),
    emit: (name: string, ...args: unknown[]) => listeners.get(name)?.(...args),
    openWindow: () => openHandler?.(),
  };
}

describe('lockDownWebContents', () => {
  const setup = () => {
    let created: ((event: unknown, contents: unknown) => void) | undefined;
    lockDownWebContents({ on: (_n: string, l: never) => void (created = l) } as never, 'app://vaim/');
    const contents = fakeContents();
    created?.({}, contents);
    return contents;
  };

  it('blocks navigation away from the app but allows in-app URLs', () => {
    const contents = setup();
    const away = { preventDefault: vi.fn() };
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', inside, 'app://vaim/index.html#/history');
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const lookalike = { preventDefault: vi.fn() };
    contents.emit('will-navigate', lookalike, 'app://vaim.evil.example/');
    expect(lookalike.preventDefault).toHaveBeenCalled();
  });

  it.each([
    ['a sub-frame, even to an app URL', false, 'app://vaim/index.html', true],
    ['a sub-frame to a remote page', false, 'https://example.com/', true],
    ['the main frame away from the app', true, 'https://example.com/', true],
    ['the main frame to a file', true, 'file:///etc/passwd', true],
    ['the main frame within the app', true, 'app://vaim/index.html#/library', false],
  ])('will-frame-navigate of %s (main frame: %s, %s) is denied: %s', (_what, isMainFrame, url, denied) => {
    const contents = setup();
    const event = { isMainFrame, url, preventDefault: vi.fn() };
    contents.emit('will-frame-navigate', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(denied ? 1 : 0);
  });

  it('denies every redirect', () => {
    const contents = setup();
    const event = { preventDefault: vi.fn() };
    contents.emit('will-redirect', event, 'app://vaim/index.html');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and webviews', () => {
    const contents = setup();
    expect(contents.openWindow()).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('lockDownSession', () => {
  const setup = (mode: 'production' | 'development') => {
    const hooks: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: never) => void (hooks['request'] = h),
      setPermissionCheckHandler: (h: never) => void (hooks['check'] = h),
      setDevicePermissionHandler: (h: never) => void (hooks['device'] = h),
      webRequest: {
        onHeadersReceived: (h: never) => void (hooks['headers'] = h),
        onBeforeRequest: (h: never) => void (hooks['request-url'] = h),
      },
    };
    lockDownSession(session as never, mode);
    return hooks as Record<string, (...args: unknown[]) => unknown>;
  };

  it('denies every permission request and check', () => {
    const hooks = setup('production');
    const callback = vi.fn();
    hooks['request']?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(hooks['check']?.()).toBe(false);
    expect(hooks['device']?.()).toBe(false);
  });

  it('adds the strict CSP to responses', () => {
    const hooks = setup('production');
    const callback = vi.fn();
    hooks['headers']?.({ responseHeaders: {} }, callback);
    const csp = (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders['Content-Security-Policy']?.[0];
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it.each([
    ['https://example.com/track.js', true],
    ['http://localhost:5173/src/main.tsx', true],
    ['ws://127.0.0.1:5173/', true],
    ['file:///app/renderer/index.html', true],
    ['file:///etc/passwd', true],
    ['app://vaim/assets/index.js', false],
    ['data:image/png;base64,AA==', false],
  ])('in production cancels %s: %s', (url, cancelled) => {
    const hooks = setup('production');
    const callback = vi.fn();
    hooks['request-url']?.({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: cancelled });
  });

  it('lets the dev server through in development only', () => {
    const hooks = setup('development');
    const callback = vi.fn();
    hooks['request-url']?.({ url: 'http://localhost:5173/src/main.tsx' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: false });
  });
});
