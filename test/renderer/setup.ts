/** Renderer test setup: a fresh store and no desktop API override between tests. */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setDesktopApi } from '../../src/renderer/api';
import { resetStore, useStore } from '../../src/renderer/store/store';

afterEach(() => {
  cleanup();
  useStore.getState().leaveRun();
  setDesktopApi(undefined);
  resetStore();
  window.location.hash = '';
});
