/** App info, settings and user-facing notices. */
import type { AppInfo, Settings } from '../../shared/app';
import { DEFAULT_SETTINGS } from '../../shared/app';
import { call, subscribe } from '../api';
import type { SliceCreator } from './store';

/** A message shown to the user (status or error). */
export type Notice = { readonly id: number; readonly kind: 'info' | 'error' | 'warning'; readonly text: string };

export type AppSlice = {
  readonly info: AppInfo | undefined;
  readonly settings: Settings;
  readonly notices: readonly Notice[];
  readonly loadApp: () => Promise<void>;
  readonly updateSettings: (patch: Partial<Settings>) => Promise<void>;
  readonly notify: (kind: Notice['kind'], text: string) => void;
  readonly dismissNotice: (id: number) => void;
};

let nextNoticeId = 1;
const INFO_NOTICE_MS = 6000;

export const createAppSlice: SliceCreator<AppSlice> = (set, get) => ({
  info: undefined,
  settings: DEFAULT_SETTINGS,
  notices: [],
  loadApp: async () => {
    try {
      const [info, settings] = await Promise.all([call('getAppInfo'), call('getSettings')]);
      set((draft) => {
        draft.info = info;
        draft.settings = settings;
      });
      subscribe('settingsChanged', (next) => set((draft) => void (draft.settings = next)));
    } catch (error) {
      get().notify('error', `Could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
  updateSettings: async (patch) => {
    const before = get().settings;
    // Optimistic: the control reflects the choice at once; main's answer (or the old value on failure) follows.
    set((draft) => void Object.assign(draft.settings, patch));
    try {
      const next = await call('updateSettings', patch);
      set((draft) => void (draft.settings = next));
    } catch (error) {
      set((draft) => void (draft.settings = before));
      get().notify('error', `Settings were not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
  notify: (kind, text) => {
    const id = nextNoticeId++;
    set((draft) => void draft.notices.push({ id, kind, text }));
    // Confirmations fade on their own; errors stay until dismissed.
    if (kind === 'info') setTimeout(() => get().dismissNotice(id), INFO_NOTICE_MS);
  },
  dismissNotice: (id) => set((draft) => void (draft.notices = draft.notices.filter((n) => n.id !== id))),
});
