/** Key terms of a reflection match by word stem, as the authoring guide promises (section 9, Learn). */
import { describe, expect, it } from 'vitest';
import { contentStems, mentioned, stem } from '../../../src/engine/scoring/terms';

describe('stems', () => {
  it.each([
    ['nurse', 'nurses'], ['update', 'updates'], ['migrate', 'migration'], ['migrated', 'migrating'],
    ['validate', 'validation'], ['validated', 'validates'], ['fairness', 'fairness'], ['regulator', 'regulators'],
  ])('"%s" and "%s" share a stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it('keeps at least four letters, so short words are not cut to nothing', () => {
    for (const word of ['data', 'bias', 'used', 'state', 'rate']) expect(stem(word).length).toBeGreaterThanOrEqual(4);
  });

  it('lets a keyword phrase match when every word of it appears, in any form', () => {
    const terms = [contentStems('nurse review'), contentStems('postcode migration')];
    expect(mentioned('The nurses reviewed every case after we migrated the postcode table.', terms)).toEqual(terms);
    expect(mentioned('The nurses were informed.', terms)).toEqual([]);
  });
});
