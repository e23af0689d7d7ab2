/**
 * The Electron adapter of the unsaved-entries guard, with Electron's app,
 * window and dialog replaced by fakes: quitting and closing the main window
 * wait for the guard, and only its "yes" lets them through.
 */
import { testRunId } from '../../ids';
import { describe, expect, it, vi } from 'vitest';
import { guardQuit, guardWindowClose, nativeUnsavedPrompt } from '../../../src/main/electron/quit';
import type { UnsavedGuard } from '../../../src/main/sessions/unsaved-guard';

vi.mock('electron', () => {
  throw new Error('the quit adapter must not need Electron at run time (it is given app, window and dialog)');
});

type Listener = (event: { preventDefault: () => void }) => void;

function fakeEmitter() {
  const listeners = new Map<string, Listener[]>();
  return {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
    }),
    /** Emits an event; true when a listener prevented its default. */
    emit: (name: string): boolean => {
      let prevented = false;
      for (const listener of listeners.get(name) ?? []) listener({ preventDefault: () => (prevented = true) });
      return prevented;
    },
  };
}

/** A guard whose answers the test gives, one question at a time. */
function controlledGuard(allSaved = false) {
  const pending: ((allowed: boolean) => void)[] = [];
  const guard: UnsavedGuard = {
    allSaved: () => allSaved,
    confirm: vi.fn(() => new Promise<boolean>((resolve) => pending.push(resolve))),
  };
  return { guard, answer: (allowed: boolean) => pending.shift()?.(allowed), asked: () => (guard.confirm as ReturnType<typeof vi.fn>).mock.calls.length };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('quitting', () => {
  it('holds before-quit until the guard agrees, then disposes the services and quits for real', async () => {
    const app = { ...fakeEmitter(), quit: vi.fn() };
    const { guard, answer, asked } = controlledGuard();
    const dispose = vi.fn(async () => {});
    guardQuit({ app, guard, dispose });
    expect(app.emit('before-quit')).toBe(true);
    expect(asked()).toBe(1);
    // A second quit request while the question is open asks nothing more.
    expect(app.emit('before-quit')).toBe(true);
    expect(asked()).toBe(1);
    answer(true);
    await settle();
    expect(dispose).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
    // The quit it started goes through.
    expect(app.emit('before-quit')).toBe(false);
  });

  it('stays open when the person cancels, and asks again on the next quit', async () => {
    const app = { ...fakeEmitter(), quit: vi.fn() };
    const { guard, answer, asked } = controlledGuard();
    const dispose = vi.fn(async () => {});
    guardQuit({ app, guard, dispose });
    app.emit('before-quit');
    answer(false);
    await settle();
    expect(dispose).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.emit('before-quit')).toBe(true);
    expect(asked()).toBe(2);
  });

  it('never quits when the guard itself fails', async () => {
    const app = { ...fakeEmitter(), quit: vi.fn() };
    const log = vi.fn();
    const guard: UnsavedGuard = { allSaved: () => false, confirm: async () => Promise.reject(new Error('boom')) };
    guardQuit({ app, guard, dispose: async () => {}, log });
    app.emit('before-quit');
    await settle();
    expect(app.quit).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('boom'));
  });
});

describe('closing the main window', () => {
  it('closes at once when nothing is unsaved', () => {
    const window = { ...fakeEmitter(), close: vi.fn(), isDestroyed: () => false };
    const { guard, asked } = controlledGuard(true);
    guardWindowClose(window, guard);
    expect(window.emit('close')).toBe(false);
    expect(asked()).toBe(0);
  });

  it('waits for the guard when entries are unsaved, then closes, or stays open', async () => {
    const window = { ...fakeEmitter(), close: vi.fn(), isDestroyed: () => false };
    const { guard, answer } = controlledGuard(false);
    guardWindowClose(window, guard);
    expect(window.emit('close')).toBe(true);
    answer(false);
    await settle();
    expect(window.close).not.toHaveBeenCalled();
    expect(window.emit('close')).toBe(true);
    answer(true);
    await settle();
    expect(window.close).toHaveBeenCalledOnce();
    expect(window.emit('close')).toBe(false);
  });
});

describe('the native fallback', () => {
  it.each([
    [0, 'export'],
    [1, 'retry'],
    [2, 'discard'],
    [3, 'cancel'],
    [9, 'cancel'],
  ] as const)('maps button %i to %s and names each run', async (response, choice) => {
    const showMessageBox = vi.fn(async () => ({ response, checkboxChecked: false }));
    const ask = nativeUnsavedPrompt({ showMessageBox } as never);
    const answer = await ask({ promptId: 'p', reason: 'quit', runs: [{ runId: testRunId('r'), title: 'Hiring drill', unsaved: 3, reason: 'The disk is full (ENOSPC)', retrying: true }] });
    expect(answer).toBe(choice);
    expect(showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ buttons: ['Export them…', 'Try saving again', 'Discard them', 'Cancel'], cancelId: 3, detail: '• Hiring drill: 3 entries not saved (The disk is full (ENOSPC))' }),
    );
  });
});
