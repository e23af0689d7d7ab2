/**
 * Untrusted text in reports. Pack and participant Markdown goes through the
 * one sanitising policy of the app (src/shared/markdown.ts), its headings
 * placed below the report's own; other text is escaped — for HTML, or for a
 * Markdown document so that no viewer builds HTML, a link or an image from it.
 */
import { escapeHtml, markdownToSafeHtml } from '../../shared/markdown';

export { escapeHtml };

/** Renders untrusted Markdown to safe HTML (the app's policy; pack headings start at h3). */
export function renderMarkdown(markdown: string): string {
  return markdownToSafeHtml(markdown, { headingOffset: 2 });
}

/**
 * Escapes untrusted text for a Markdown document so that a viewer rendering it
 * builds no raw HTML, link or image from it: every `<` becomes `&lt;` (an
 * entity only ever renders as text, so `&` and `>` stay readable), every `[`
 * is backslash-escaped (no inline, reference or image link can start), and the
 * `:` of `scheme://`, the `.` of `www.` and the `@` of an address are escaped so
 * that no viewer turns an address into a link (GFM autolinks).
 */
export function escapeMarkdownText(text: string): string {
  return text
    .replace(/</g, '&lt;')
    .replace(/\[/g, '\\[')
    .replace(/([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)/g, '$1\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@');
}

/** Escapes untrusted text for one Markdown table cell (one line, pipes escaped). */
export function markdownCell(text: string): string {
  return escapeMarkdownText(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
