/**
 * The import under way: which pack, what main is doing with it, and a bar.
 * Main loads and validates the pack on a worker thread, so the window stays
 * responsive however large the pack is; this shows how far it has got.
 */
import { importFraction, importStageText } from '../lib/import-progress';
import { useStore } from '../store/store';

export function ImportProgressView() {
  const importing = useStore((s) => s.importing);
  if (!importing) return null;
  const percent = Math.round(importFraction(importing.progress) * 100);
  const stage = importStageText(importing.progress);
  return (
    <section className="card import-progress" aria-labelledby="import-progress-title" aria-busy="true">
      <h2 id="import-progress-title">Importing {importing.choice.name}</h2>
      <progress aria-labelledby="import-progress-title" aria-valuetext={`${percent}%: ${stage}`} max={100} value={percent} />
      <p role="status">{stage}…</p>
    </section>
  );
}
