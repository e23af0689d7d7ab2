/** How the debrief names a decision prompt in its sentences: whole words, whole sentences where they fit. */
import { describe, expect, it } from 'vitest';
import { decisionTitle } from '../../../src/engine/scoring/acts';
import type { Decision } from '../../../src/engine';
import { testDecisionId } from '../../ids';

const prompt = (text: string): Decision => ({ id: testDecisionId('d'), kind: 'text', prompt: text });

describe('decisionTitle', () => {
  it('is the first paragraph as plain text, even when it runs over several lines', () => {
    expect(decisionTitle(prompt('Classify the **incident**\non the V-SEV scale.\n\nMore detail here.'))).toBe('Classify the incident on the V-SEV scale.');
  });

  it('is the first sentence of a long paragraph when that fits', () => {
    const long = "Do we tell the applicants now? The spreadsheet with 2,604 applicants' names, insurance numbers and diagnosis codes went to the wrong list.";
    expect(decisionTitle(prompt(long))).toBe('Do we tell the applicants now?');
  });

  it('otherwise stops at a whole word with an ellipsis, never mid-word, at most 90 characters', () => {
    const long = "The spreadsheet with 2,604 applicants' names, insurance numbers and diagnosis codes went to the wrong mailing list on Friday";
    const title = decisionTitle(prompt(long));
    expect(title.endsWith('…')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(90);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(long[title.length - 1]).toBe(' ');
  });

  it('falls back to the id for an empty prompt', () => {
    expect(decisionTitle(prompt('  \n\n '))).toBe('d');
  });
});
