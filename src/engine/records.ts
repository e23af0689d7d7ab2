/**
 * The run state's records are keyed by checked ids (`fired` by inject id,
 * `decisions` by decision id…), so a lookup with the wrong kind of id does
 * not typecheck. `Object.entries` and `Object.keys` forget the key type;
 * these keep it.
 */

/** `Object.entries` of a record keyed by `K`, with `K` kept. */
export const entriesOf = <K extends string, V>(record: Readonly<Partial<Record<K, V>>>): [K, V][] => Object.entries(record) as [K, V][];

/** `Object.keys` of a record keyed by `K`, with `K` kept. */
export const keysOf = <K extends string>(record: Readonly<Partial<Record<K, unknown>>>): K[] => Object.keys(record) as K[];
