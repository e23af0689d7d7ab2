/**
 * Untrusted text in reports. Pack text and participant text are rendered as
 * Markdown (marked) and sanitised (sanitize-html) to a small safe subset;
 * everything else is escaped. Nothing executable or external survives.
 */
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const SAFE_IMAGE = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]+$/;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote', 'h3', 'h4', 'h5', 'h6', 'a', 'img'],
  allowedAttributes: { a: ['href', 'rel', 'title'], img: ['src', 'alt'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedStyles: {},
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'template', 'title'],
  // Headings inside pack text sit below the report's own h1/h2.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !SAFE_IMAGE.test(frame.attribs.src ?? ''),
};

const marked = new Marked({ async: false, gfm: true, breaks: false });

/** Renders untrusted Markdown to sanitised HTML (the safe subset only). */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown, { async: false }) as string;
  return sanitizeHtml(html, OPTIONS);
}

/**
 * Escapes untrusted text for a Markdown document so that a viewer rendering it
 * builds no raw HTML, link or image from it: every `<` becomes `&lt;` (an
 * entity only ever renders as text, so `&` and `>` stay readable) and every
 * `[` is backslash-escaped (no inline, reference or image link can start).
 */
export function escapeMarkdownText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/\[/g, '\\[');
}

/** Escapes untrusted text for one Markdown table cell (one line, pipes escaped). */
export function markdownCell(text: string): string {
  return escapeMarkdownText(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}
