/** Export the after-action report (HTML, PDF, Markdown, JSON). */
import type { RunId } from '../../../engine';
import type { ReportFormat } from '../../../shared/ipc';
import { call } from '../../api';
import { errorText } from '../../store/errors';
import { useStore } from '../../store/store';

const EXPORTS: ReadonlyArray<{ format: ReportFormat; label: string }> = [
  { format: 'html', label: 'Report (HTML)' },
  { format: 'pdf', label: 'Report (PDF)' },
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'Data (JSON)' },
];

export function ExportButtons({ runId }: { readonly runId: RunId }) {
  const notify = useStore((s) => s.notify);
  const save = async (format: ReportFormat) => {
    try {
      const path = await call('exportReport', runId, format);
      if (path) notify('info', `Saved ${path}`);
    } catch (error) {
      notify('error', `The report could not be saved: ${errorText(error)}`);
    }
  };
  return (
    <div className="toolbar" role="group" aria-label="Export the report">
      {EXPORTS.map((e) => (
        <button key={e.format} type="button" onClick={() => void save(e.format)}>
          Export {e.label}
        </button>
      ))}
    </div>
  );
}
