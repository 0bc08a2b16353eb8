import { describeIssue, type ApiError } from '../../shared/result.js';

/** An API error as the rep should read it: the message, then any field-level details. */
export function ErrorMessage({ error, title }: { error: ApiError; title?: string }) {
  return (
    <div className="alert alert-error" role="alert">
      {title ? <p className="alert-title">{title}</p> : null}
      <p>{error.message}</p>
      {error.issues && error.issues.length > 1 ? (
        <ul>
          {error.issues.map((issue) => describeIssue(issue)).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
