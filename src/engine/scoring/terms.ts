/**
 * Key terms of a text, for judging reflections on substance: lower-case
 * words of four letters or more, crudely stemmed, without common words.
 * Deterministic and language-light (the packs are in English).
 */

const STOP = new Set(
  ('about above after again against also because been before being below between both could does doing down during each ' +
    'from further have having here itself just more most much must only other over same should some such than that their ' +
    'them then there these they this those through under until very were what when where which while whom will with would ' +
    'your yours into upon onto were isn\'t wasn\'t aren\'t cannot every many still even ever without within make made need ' +
    'needs team teams would like well thing things something anything nothing people time times good better best first ' +
    'second next last used using uses based')
    .split(/\s+/),
);

const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ness', 'ates', 'ated', 'ating', 'ate', 'ings', 'ing', 'ies', 'ied', 'ers', 'ed', 'es', 'er', 's', 'ly'];

/** A crude stem: the word without one common suffix, keeping at least four letters. */
export function stem(word: string): string {
  const suffix = SUFFIXES.find((s) => word.endsWith(s) && word.length - s.length >= 4);
  const base = suffix === undefined ? word : word.slice(0, -suffix.length);
  // A silent final e goes too, so "nurse" and "nurses", "update" and "updates" share a stem.
  return base.length > 4 && base.endsWith('e') ? base.slice(0, -1) : base;
}

/** The words of a text (letters and digits, lower case). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

/** Stems of the content words of a text. */
export function contentStems(text: string): string[] {
  return words(text).filter((w) => w.length >= 4 && !STOP.has(w)).map(stem);
}

/** The most frequent content stems of a text (ties in order of first use), at most `limit`. */
export function keyTerms(text: string, limit = 25): string[] {
  const counts = new Map<string, number>();
  for (const s of contentStems(text)) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([s]) => s);
}

/** The key terms (each a list of stems: a keyword may be a phrase) that `text` mentions. */
export function mentioned(text: string, terms: readonly (readonly string[])[]): (readonly string[])[] {
  const present = new Set(contentStems(text));
  return terms.filter((term) => term.length > 0 && term.every((s) => present.has(s)));
}
