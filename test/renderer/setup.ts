/** Renderer test setup: a fresh store, no desktop API override and no real main left running between tests. */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setDesktopApi } from '../../src/renderer/api';
import { resetStore, useStore } from '../../src/renderer/store/store';
import { disposeRealMains } from './real-main';

afterEach(async () => {
  cleanup();
  useStore.getState().leaveRun();
  setDesktopApi(undefined);
  resetStore();
  window.location.hash = '';
  await disposeRealMains();
});
