/** Announces new facts (injects, deadlines, decisions) to screen readers, politely. */
import { useEffect, useRef, useState } from 'react';
import type { ActiveRun } from '../../store/run-slice';
import { describeFact } from '../../lib/describe-entry';

export function Announcer({ run }: { readonly run: ActiveRun }) {
  const [message, setMessage] = useState('');
  const seen = useRef(run.recentFacts);
  useEffect(() => {
    if (run.recentFacts === seen.current) return;
    const fresh = run.recentFacts.filter((fact) => !seen.current.includes(fact));
    seen.current = run.recentFacts;
    const text = fresh.map((fact) => describeFact(run.pack, fact)).filter(Boolean).join('. ');
    if (text) setMessage(text);
  }, [run.recentFacts, run.pack]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {message}
    </div>
  );
}
