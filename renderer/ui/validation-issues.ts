import { useMemo } from 'react';
import { describeIssue as describeApiIssue, type ApiError } from '../../shared/result.js';

/** One field-level problem the core found in a call's input: where (`['workingHours', 'start']`) and what. */
export type ValidationIssue = NonNullable<ApiError['issues']>[number];

/** "workingHours.start: expected HH:MM": how an issue reads where no field shows it. */
export function describeIssue(issue: ValidationIssue): string {
  return issue.path.length > 0 ? describeApiIssue(issue) : issue.message;
}

export interface FiledIssues<K extends string> {
  /** The messages to show next to each field. */
  fields: Partial<Record<K, string[]>>;
  /** Issues whose path names no field of the form: shown together (see IssueSummary). */
  general: ValidationIssue[];
}

/**
 * Files the core's issues under a form's fields. `fieldOf` names the field an issue's path
 * belongs to (its own naming: "bands.2" for a row), or undefined when the form has no such field.
 */
export function issuesByField<K extends string>(
  issues: readonly ValidationIssue[] | undefined,
  fieldOf: (path: readonly string[]) => K | undefined,
): FiledIssues<K> {
  const fields: Partial<Record<K, string[]>> = {};
  const general: ValidationIssue[] = [];
  for (const issue of issues ?? []) {
    const field = fieldOf(issue.path);
    if (field === undefined) general.push(issue);
    else (fields[field] ??= []).push(issue.message);
  }
  return { fields, general };
}

/** issuesByField over a save's error, recomputed when the error changes; `fieldOf` must be stable. */
export function useIssuesByField<K extends string>(error: ApiError | null, fieldOf: (path: readonly string[]) => K | undefined): FiledIssues<K> {
  return useMemo(() => issuesByField(error?.issues, fieldOf), [error, fieldOf]);
}
