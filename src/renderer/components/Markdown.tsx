/**
 * Renders untrusted Markdown safely (see lib/markdown.ts). Links never
 * navigate the app away; their address is shown on hover.
 */
import { useMemo, type MouseEvent } from 'react';
import { markdownToSafeHtml } from '../lib/markdown';

export function Markdown({ source, className }: { readonly source: string; readonly className?: string }) {
  const html = useMemo(() => markdownToSafeHtml(source), [source]);
  const stopNavigation = (event: MouseEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).closest('a')) event.preventDefault();
  };
  return (
    <div
      className={className ? `markdown ${className}` : 'markdown'}
      onClick={stopNavigation}
      // The HTML comes from markdownToSafeHtml: Markdown converted and sanitised with an allow-list.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
