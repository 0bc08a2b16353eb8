/** Every call across the main/renderer boundary answers with a Result, never a thrown error. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'refused'
  | 'store-unavailable'
  | 'unavailable'
  | 'internal';

/**
 * One field-level problem with the input: where (`['schedule', 'bands', '1', 'end']`,
 * `[]` for the input as a whole) and what. Structured so a form files it by
 * field without parsing text.
 */
export interface ApiIssue {
  path: string[];
  message: string;
}

/** One issue as a line of text: `schedule.bands.1.end: expected HH:MM` (`whole` names an empty path). */
export const describeIssue = (issue: ApiIssue, whole = '(input)'): string => `${issue.path.join('.') || whole}: ${issue.message}`;

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** Field-level details for invalid input. */
  issues?: ApiIssue[];
  /** When the same call may succeed (ISO), where the refusal knows: the offer to try again then. */
  retryAt?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ApiErrorCode, message: string, issues?: ApiIssue[], retryAt?: string): Result<never> => ({
  ok: false,
  error: { code, message, ...(issues ? { issues } : {}), ...(retryAt ? { retryAt } : {}) },
});
