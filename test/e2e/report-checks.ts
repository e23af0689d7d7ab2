/**
 * Checks of exported reports shared by the end-to-end specs. A report must
 * load nothing from elsewhere and offer nothing to follow: its links are text
 * with their address (src/shared/markdown.ts).
 */
import type { Page } from 'playwright-core';

/** Elements that run, embed, navigate or submit, whatever their attributes. */
const ACTIVE = 'script, iframe, frame, frameset, object, embed, applet, base, link, form, meta[http-equiv]';
/** Attributes (by local name, in any namespace: `xlink:href` too) that navigate or submit. */
const NAVIGATING = ['href', 'action', 'formaction', 'ping'];

/**
 * Everything in an HTML document (parsed by Chromium, not scanned by a
 * pattern) that can navigate or load from elsewhere: active elements, any
 * `href` (a link, an area, a stylesheet), form actions, and every `src`,
 * `srcset` or `poster` that is not an embedded image. Empty for a safe report.
 * (The check it replaces, the pattern `href="https?:\/\/(?!)`, could never
 * match anything: `(?!)` always fails. long-text-and-links.test.ts proves this
 * one finds a navigable link.)
 */
export function navigableOrRemote(page: Page, html: string): Promise<string[]> {
  return page.evaluate(
    ({ html, active, navigating }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const found = Array.from(doc.querySelectorAll(active));
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        if (found.includes(el)) continue;
        const attributes = Array.from(el.attributes);
        const loads = (a: Attr) => ['src', 'srcset', 'poster'].includes(a.localName) && !/^data:image\/(?:png|jpeg);base64,/i.test(a.value.trim());
        if (attributes.some((a) => navigating.includes(a.localName) || loads(a))) found.push(el);
      }
      // The report's own Content-Security-Policy is the one meta[http-equiv] allowed.
      return found
        .filter((el) => !(el.tagName === 'META' && el.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy'))
        .map((el) => el.outerHTML.slice(0, 120));
    },
    { html, active: ACTIVE, navigating: NAVIGATING },
  );
}
