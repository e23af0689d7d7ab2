/**
 * The pack loader (plain Node, no Electron): folders, single files and
 * zips in; a validated pack with its attachments and hash, or every
 * problem located as `file:line:col`, out. See README.md.
 */
export { loadPack } from './load-pack';
export { loadPackFromFiles, MAIN_FILE_NAMES } from './load-files';
export { loadPackSnapshot, type PackSnapshot, toPackSnapshot } from './snapshot';
export { PACK_LIMITS } from './limits';
export { canonicalJson, packHash } from './hash';
