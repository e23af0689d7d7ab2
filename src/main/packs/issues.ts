/** Building and ordering located issues. */
import { basename } from 'node:path';
import { formatPackPath, type PackIssue } from '../../engine';
import type { LocatedIssue, PackOrigin } from '../../shared/packs';
import type { Locator } from './locate';

/** An issue about the container itself (the zip, the folder, the file as a whole). */
export const containerIssue = (origin: PackOrigin, message: string, severity: LocatedIssue['severity'] = 'error'): LocatedIssue => ({
  file: basename(origin.path) || origin.path,
  line: 1,
  col: 1,
  path: '$',
  message,
  severity,
});

/** An issue about one file of the pack as a whole. */
export const fileIssue = (file: string, message: string, severity: LocatedIssue['severity'] = 'error'): LocatedIssue => ({
  file,
  line: 1,
  col: 1,
  path: '$',
  message,
  severity,
});

/** Locates an engine issue in the pack's files. */
export const locateIssue = (locate: Locator, issue: PackIssue): LocatedIssue => ({
  ...locate(issue.path),
  path: formatPackPath(issue.path),
  message: issue.message,
  severity: issue.severity,
});

/** Orders issues by file (main file first, then includes in order), line and column; stable. */
export function sortIssues(issues: readonly LocatedIssue[], fileOrder: readonly string[]): LocatedIssue[] {
  const rank = (file: string) => {
    const index = fileOrder.indexOf(file);
    return index < 0 ? fileOrder.length : index;
  };
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort(
      (a, b) =>
        rank(a.issue.file) - rank(b.issue.file) ||
        (a.issue.file < b.issue.file ? -1 : a.issue.file > b.issue.file ? 1 : 0) ||
        a.issue.line - b.issue.line ||
        a.issue.col - b.issue.col ||
        a.index - b.index,
    )
    .map(({ issue }) => issue);
}

/** Problems with single files of a container listed at most; a folder that is not a pack must not list its whole content. */
export const MAX_FILE_ISSUES = 20;

/** The first `MAX_FILE_ISSUES` issues, then one saying how many more there were. */
export function capFileIssues(origin: PackOrigin, issues: readonly LocatedIssue[]): LocatedIssue[] {
  if (issues.length <= MAX_FILE_ISSUES) return [...issues];
  const rest = issues.length - MAX_FILE_ISSUES;
  return [...issues.slice(0, MAX_FILE_ISSUES), containerIssue(origin, `… and ${rest} more ${rest === 1 ? 'problem' : 'problems'} with its files (not listed)`)];
}
