/** What electron-vite's build defines for the main process (`import.meta.env.DEV` is true only in `electron-vite dev`). */
type ImportMetaEnv = { readonly DEV: boolean; readonly MODE: string };

// eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- augmenting a global needs an interface
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
