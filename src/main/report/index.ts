/** After-action report exports (plain Node: no Electron). */
export { toHtml } from './html';
export { toMarkdown } from './markdown';
export { renderMarkdown, escapeHtml } from './sanitize';
export { isReportFormat, renderReport, REPORT_FORMATS, toJsonReport, writeReport, type JsonReport, type ReportFormat } from './write-report';
