import type { ApiError } from '../../shared/result.js';
import { describeIssue, type ValidationIssue } from './validation-issues.js';

/** An API error as the rep should read it: the message, then any field-level details. */
export function ErrorMessage({ error, title }: { error: ApiError; title?: string }) {
  return (
    <div className="alert alert-error" role="alert">
      {title ? <p className="alert-title">{title}</p> : null}
      <p>{error.message}</p>
      {error.issues && error.issues.length > 1 ? (
        <ul>
          {error.issues.map(describeIssue).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The validation issues no field of a form shows, as one alert (see issuesByField). */
export function IssueSummary({ issues }: { issues: readonly ValidationIssue[] }) {
  return issues.length > 0 ? <ErrorMessage error={{ code: 'invalid-input', message: issues.map(describeIssue).join('; ') }} /> : null;
}

/** A call's error where it happened (a button row, a bar): its message, announced; nothing when there is none. */
export function InlineError({ error }: { error: ApiError | null }) {
  return error ? (
    <p className="field-error" role="alert">
      {error.message}
    </p>
  ) : null;
}
