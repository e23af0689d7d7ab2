/**
 * Renders untrusted Markdown through the one sanitising policy
 * (src/shared/markdown.ts): HTML built from an allow-list only, raw HTML shown
 * as text, links shown as text with their address and never navigable (there
 * is no anchor to click, middle-click or drag), images only when embedded.
 */
import { useMemo } from 'react';
import { markdownToSafeHtml } from '../../shared/markdown';

export function Markdown({ source, className }: { readonly source: string; readonly className?: string }) {
  const html = useMemo(() => markdownToSafeHtml(source), [source]);
  return (
    <div
      className={className ? `markdown ${className}` : 'markdown'}
      // The HTML comes from markdownToSafeHtml: built element by element from an allow-list, never copied from the input.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
