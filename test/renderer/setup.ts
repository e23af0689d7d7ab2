/** Renderer test setup: a fresh store, no desktop API override and no real main left running between tests. */
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { setDesktopApi } from '../../src/renderer/api';
import { resetStore, useStore } from '../../src/renderer/store/store';
import { disposeRealMains } from './real-main';

// Screens over the real main-side services (temp dirs, fsync) are slower on a busy machine: wait patiently, never on luck.
vi.setConfig({ testTimeout: 20_000 });
configure({ asyncUtilTimeout: 5000 });

afterEach(async () => {
  cleanup();
  useStore.getState().leaveRun();
  setDesktopApi(undefined);
  resetStore();
  window.location.hash = '';
  await disposeRealMains();
});
