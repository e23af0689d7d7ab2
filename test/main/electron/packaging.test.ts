/**
 * The electron-builder configuration (package.json `build`): installers for
 * Linux (AppImage, deb), Windows (NSIS) and macOS (dmg), the app in an ASAR
 * archive with the bundled scenarios beside it, and the Electron fuses that
 * close the ways to run the packaged binary as something else.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type BuildConfig = {
  readonly asar?: boolean;
  readonly asarUnpack?: readonly string[];
  readonly files?: readonly string[];
  readonly extraResources?: readonly { from: string; to: string }[];
  readonly electronFuses?: Readonly<Record<string, boolean>>;
  readonly linux?: { readonly target?: readonly string[] };
  readonly win?: { readonly target?: readonly string[] };
  readonly mac?: { readonly target?: readonly string[] };
};

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { main: string; build?: BuildConfig };
const build = pkg.build ?? {};

/** The fuses electron-builder's `electronFuses` knows (FuseOptionsV1 of @electron/fuses). */
const KNOWN_FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

describe('the packaged app', () => {
  it('flips the fuses: no running as Node, no NODE_OPTIONS, no --inspect, ASAR integrity on, only the ASAR app', () => {
    expect(build.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer is served on app://, so file:// needs no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
    for (const name of Object.keys(build.electronFuses ?? {})) expect(KNOWN_FUSES, `unknown fuse ${name}`).toContain(name);
  });

  it('packs the app into an ASAR archive (which the integrity and only-ASAR fuses rely on), nothing unpacked', () => {
    expect(build.asar).toBe(true);
    expect(build.asarUnpack ?? []).toEqual([]);
  });

  it('ships the built app, whose entry is package.json main, and the bundled scenarios as resources', () => {
    expect(pkg.main).toBe('./out/main/index.js');
    expect(build.files).toContain('out/**');
    // src/main/electron/main.ts reads process.resourcesPath/scenarios in packaged builds.
    expect(build.extraResources).toContainEqual({ from: 'scenarios', to: 'scenarios' });
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg installers', () => {
    expect(build.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(build.win?.target).toEqual(['nsis']);
    expect(build.mac?.target).toEqual(['dmg']);
  });
});
