/** Every call across the main/renderer boundary answers with a Result, never a thrown error. */
export type ApiErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'refused'
  | 'store-unavailable'
  | 'unavailable'
  | 'internal';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** Field-level details for invalid input: where in the input (`['workingHours', 'start']`) and what is wrong. */
  issues?: { path: string[]; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ApiErrorCode, message: string, issues?: ApiError['issues']): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
