/**
 * Pack and participant text is untrusted: it is rendered only as Markdown,
 * converted by marked and then sanitised by DOMPurify with a small allow-list.
 * Raw HTML in the source is escaped, links keep only http(s)/mailto targets
 * (and never navigate: the view intercepts clicks), images only embedded
 * data: PNG/JPEG.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // Authors' raw HTML is shown as text, never interpreted.
    html: ({ text }) => escapeHtml(text),
  },
});

const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'a', 'img', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'align'];
const SAFE_URL = /^(?:https?:|mailto:|data:image\/(?:png|jpeg);base64,)/i;

let hooked = false;
function installHooks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'href' && !/^(?:https?:|mailto:)/i.test(data.attrValue)) data.keepAttr = false;
    if (data.attrName === 'src' && (node.nodeName !== 'IMG' || !/^data:image\/(?:png|jpeg);base64,/i.test(data.attrValue))) data.keepAttr = false;
  });
}

/** Converts untrusted Markdown to sanitised HTML. */
export function markdownToSafeHtml(source: string): string {
  installHooks();
  const html = marked.parse(source ?? '') as string;
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_URL,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}
