/** Every problem of a pack, each with its location (file:line:col and JSON path). */
import type { LocatedIssue } from '../../shared/packs';

export function IssueList({ issues, label }: { readonly issues: readonly LocatedIssue[]; readonly label: string }) {
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  return (
    <div className="issues">
      <p className="issues-count">
        {errors} {errors === 1 ? 'problem' : 'problems'}
        {warnings ? `, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''}
      </p>
      <ul aria-label={label}>
        {issues.slice(0, 200).map((issue, index) => (
          <li key={index} className={`issue issue-${issue.severity}`}>
            <code className="issue-where">
              {issue.file}:{issue.line}:{issue.col}
            </code>{' '}
            <code className="issue-path">{issue.path}</code>
            <span className="issue-message">
              {issue.severity === 'warning' ? 'Warning: ' : ''}
              {issue.message}
            </span>
          </li>
        ))}
      </ul>
      {issues.length > 200 ? <p className="hint">…and {issues.length - 200} more.</p> : null}
    </div>
  );
}
