/**
 * Report exports: JSON (the whole debrief, versioned), Markdown and HTML,
 * and writing them to disk atomically so a crash never leaves half a report.
 */
import { assertNever, type Debrief } from '../../engine';
import { writeFileAtomic } from '../fs/atomic';
import { toHtml } from './html';
import { toMarkdown } from './markdown';

/** Export formats. (PDF is produced by the Electron shell from the HTML.) */
export const REPORT_FORMATS = ['json', 'md', 'html'] as const;
/** One export format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The JSON export envelope. */
export type JsonReport = { readonly format: 'vaim-report'; readonly version: 1; readonly debrief: Debrief };

/** The JSON export (pretty-printed, newline-terminated). */
export function toJsonReport(debrief: Debrief): string {
  const report: JsonReport = { format: 'vaim-report', version: 1, debrief };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Renders the debrief in `format`. */
export function renderReport(debrief: Debrief, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return toJsonReport(debrief);
    case 'md':
      return toMarkdown(debrief);
    case 'html':
      return toHtml(debrief);
    default:
      return assertNever(format);
  }
}

/** Whether `value` names an export format. */
export const isReportFormat = (value: string): value is ReportFormat => (REPORT_FORMATS as readonly string[]).includes(value);

/** Writes the report to `filePath` (UTF-8), replacing any existing file atomically. */
export async function writeReport(debrief: Debrief, format: ReportFormat, filePath: string): Promise<void> {
  await writeFileAtomic(filePath, renderReport(debrief, format));
}
