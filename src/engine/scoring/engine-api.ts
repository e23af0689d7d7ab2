/**
 * The two engine functions scoring builds on, imported from their modules
 * (not from `../index`, which re-exports scoring: that would be a cycle).
 */
export { replay, stateReached } from '../replay';
export { playScript } from '../script';
