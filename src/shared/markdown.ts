/**
 * The one sanitising policy for untrusted Markdown (pack text, participants'
 * text), used by the app's views and by every report format. Markdown is
 * parsed by marked; the HTML is then built here from an allow-list of
 * elements, never copied from the input, so nothing an author writes can
 * become markup:
 * - raw HTML in the source is shown as text ("Press the <Escalate> button"
 *   stays readable, `<script>` is harmless text);
 * - links are never navigable: their text is shown with the address beside it
 *   (`site (https://example.org)`), as plain text, in the app and in reports;
 * - images are shown only when embedded as PNG or JPEG `data:` URLs; any other
 *   image becomes its description and address as text (nothing is fetched);
 * - the only attributes are `src`/`alt` of such images, `start` of ordered
 *   lists and the alignment of table cells, all validated or escaped.
 */
import { Marked, type Token, type Tokens } from 'marked';

/** Options of `markdownToSafeHtml`. */
export type SafeMarkdownOptions = {
  /** Added to heading levels (reports put pack headings below their own h1/h2); levels stop at 6. */
  readonly headingOffset?: number;
};

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * Escapes the text of a Markdown text token. marked resolves numeric
 * character references and keeps named ones (`&amp;`) as written; a named
 * reference only ever renders as its character, so it may stay.
 */
const escapeText = (text: string): string => text.replace(/&(?![A-Za-z][A-Za-z0-9]{1,31};)|[<>"']/g, (c) => ESCAPES[c] ?? c);

const SAFE_IMAGE = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

/** Text with a link's address beside it, never a link. */
function linkText(token: Tokens.Link): string {
  const text = inline(token.tokens);
  const shown = token.href.startsWith('mailto:') ? token.href.slice(7) : token.href;
  // An autolink's text is the address as the author wrote it (www.example.org, a@example.org).
  if (token.autolink) return `<span class="md-link">${escapeHtml(token.text)}</span>`;
  if (token.text === token.href || token.text === shown) return `<span class="md-link">${escapeHtml(shown)}</span>`;
  return `<span class="md-link">${text}</span> <span class="md-link-address">(${escapeHtml(shown)})</span>`;
}

function image(token: Tokens.Image): string {
  if (SAFE_IMAGE.test(token.href)) return `<img src="${token.href}" alt="${escapeHtml(token.text)}">`;
  const address = token.href ? ` (${escapeHtml(token.href)})` : '';
  return `<span class="md-image">[image: ${escapeHtml(token.text)}]${address}</span>`;
}

function inlineToken(token: Token): string {
  switch (token.type) {
    case 'text':
      return 'tokens' in token && token.tokens ? inline(token.tokens) : escapeText(token.text);
    case 'escape':
      return escapeHtml(token.text);
    case 'strong':
      return `<strong>${inline(token.tokens ?? [])}</strong>`;
    case 'em':
      return `<em>${inline(token.tokens ?? [])}</em>`;
    case 'del':
      return `<del>${inline(token.tokens ?? [])}</del>`;
    case 'codespan':
      return `<code>${escapeHtml(token.text)}</code>`;
    case 'br':
      return '<br>';
    case 'link':
      return linkText(token as Tokens.Link);
    case 'image':
      return image(token as Tokens.Image);
    case 'checkbox':
      return (token as Tokens.Checkbox).checked ? '☑ ' : '☐ ';
    default:
      // Raw HTML ('html') and anything unknown: the author's text, shown as text.
      return escapeHtml(token.raw);
  }
}

function inline(tokens: readonly Token[]): string {
  return tokens.map(inlineToken).join('');
}

const ALIGN = new Set(['left', 'center', 'right']);
const cell = (tag: 'th' | 'td', c: Tokens.TableCell) =>
  `<${tag}${c.align && ALIGN.has(c.align) ? ` align="${c.align}"` : ''}>${inline(c.tokens)}</${tag}>`;

function table(token: Tokens.Table): string {
  const head = `<thead><tr>${token.header.map((c) => cell('th', c)).join('')}</tr></thead>`;
  const rows = token.rows.map((row) => `<tr>${row.map((c) => cell('td', c)).join('')}</tr>`).join('');
  return `<table>${head}${rows ? `<tbody>${rows}</tbody>` : ''}</table>`;
}

function list(token: Tokens.List, offset: number): string {
  const start = token.ordered && typeof token.start === 'number' && token.start !== 1 ? ` start="${Math.trunc(token.start)}"` : '';
  const items = token.items.map((item) => `<li>${blocks(item.tokens, offset, !item.loose)}</li>`).join('');
  return token.ordered ? `<ol${start}>${items}</ol>` : `<ul>${items}</ul>`;
}

function blockToken(token: Token, offset: number, tight: boolean): string {
  switch (token.type) {
    case 'space':
    case 'def':
      return '';
    case 'paragraph':
      return tight ? inline(token.tokens ?? []) : `<p>${inline(token.tokens ?? [])}</p>`;
    case 'text':
      return 'tokens' in token && token.tokens ? inline(token.tokens) : escapeText(token.text);
    case 'heading': {
      const level = Math.min(6, Math.max(1, (token as Tokens.Heading).depth + offset));
      return `<h${level}>${inline(token.tokens ?? [])}</h${level}>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml((token as Tokens.Code).text)}</code></pre>`;
    case 'blockquote':
      return `<blockquote>${blocks(token.tokens ?? [], offset, false)}</blockquote>`;
    case 'list':
      return list(token as Tokens.List, offset);
    case 'table':
      return table(token as Tokens.Table);
    case 'hr':
      return '<hr>';
    case 'checkbox':
      return inlineToken(token);
    default:
      // Raw HTML blocks and anything unknown: the author's text, shown as text, line by line.
      return `<p>${escapeHtml(token.raw.trim()).replace(/\n/g, '<br>')}</p>`;
  }
}

function blocks(tokens: readonly Token[], offset: number, tight: boolean): string {
  return tokens.map((token) => blockToken(token, offset, tight)).join('');
}

/** Converts untrusted Markdown to HTML built only from the allow-list above. */
export function markdownToSafeHtml(source: string, options: SafeMarkdownOptions = {}): string {
  let tokens: Token[];
  try {
    tokens = marked.lexer(source ?? '');
  } catch {
    // Guard of last resort: text marked cannot read is still shown, as text.
    return `<p>${escapeHtml(source ?? '')}</p>`;
  }
  return blocks(tokens, options.headingOffset ?? 0, false);
}
