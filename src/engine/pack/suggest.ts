/**
 * "Did you mean" suggestions and short lists of known names for messages.
 */

/** Optimal-string-alignment distance (Levenshtein plus adjacent swaps), capped for speed. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (prevPrev[j - 2] ?? 0) + 1);
      }
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > cap) return cap + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] ?? cap + 1;
}

/**
 * The known name closest to `input`, when it is a plausible typo: a case
 * difference, or a few edits for the length of the word.
 */
export function closestName(input: string, known: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  const cap = Math.max(1, Math.min(3, Math.floor(input.length / 3)));
  let best: string | undefined;
  let bestDistance = cap + 1;
  for (const name of known) {
    if (name === input) continue;
    const distance = name.toLowerCase() === lower ? 0 : editDistance(lower, name.toLowerCase(), cap);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best ?? prefixMatch(lower, known);
}

/** A shortened or lengthened id (`restart` for `restart-model`): the shortest known name sharing the prefix. */
function prefixMatch(lower: string, known: Iterable<string>): string | undefined {
  if (lower.length < 4) return undefined;
  let best: string | undefined;
  for (const name of known) {
    const other = name.toLowerCase();
    if ((other.startsWith(lower) || lower.startsWith(other)) && other.length >= 4 && (best === undefined || name.length < best.length)) best = name;
  }
  return best;
}

/** `a, b, c` — at most `max` names, then `… (N more)`. */
export function listNames(names: readonly string[], max = 8): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')}, … (${names.length - max} more)`;
}

/** ` Did you mean "x"?` or '' — for appending to a message. */
export function didYouMean(input: string, known: Iterable<string>): string {
  const best = closestName(input, known);
  return best === undefined ? '' : `; did you mean "${best}"?`;
}

/** Describes a value found in a pack, briefly: `text "abc"`, `the number 3`, `a list`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'an empty value (null)';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return value.length > 40 ? `text "${value.slice(0, 37)}…"` : `text "${value}"`;
    case 'number':
      return Number.isFinite(value) ? `the number ${value}` : `${value}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'a mapping';
    default:
      return typeof value;
  }
}
