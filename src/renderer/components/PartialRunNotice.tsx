/** Says, wherever a damaged run is shown, that what is shown is partial and read-only. */
import type { RunDamage } from '../../shared/runs';

export function PartialRunNotice({ damage }: { readonly damage: RunDamage | undefined }) {
  if (!damage) return null;
  return (
    <div className="banner banner-warning" role="status">
      <span>
        <strong>
          Partial run (read-only): only the first {damage.entriesKept} {damage.entriesKept === 1 ? 'entry' : 'entries'} of its log can be shown.
        </strong>{' '}
        {damage.message}
      </span>
    </div>
  );
}
