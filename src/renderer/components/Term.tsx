/**
 * A V-AIM term. In coached mode it explains itself on hover or keyboard
 * focus (a tooltip referenced by aria-describedby; Escape hides it);
 * otherwise it is plain text.
 */
import { useId, useState, type ReactNode } from 'react';
import { useCoached } from '../coach-context';
import { glossary, type GlossaryId } from '../lib/glossary';

export function Term({ id, children }: { readonly id: GlossaryId; readonly children: ReactNode }) {
  const coached = useCoached();
  const tipId = useId();
  const [dismissed, setDismissed] = useState(false);
  if (!coached) return <>{children}</>;
  const { meaning } = glossary(id);
  return (
    <span
      className={dismissed ? 'term term-dismissed' : 'term'}
      tabIndex={0}
      aria-describedby={tipId}
      onKeyDown={(e) => e.key === 'Escape' && setDismissed(true)}
      onBlur={() => setDismissed(false)}
      onMouseLeave={() => setDismissed(false)}
    >
      {children}
      <span id={tipId} role="tooltip" className="term-tip">
        {meaning}
      </span>
    </span>
  );
}
