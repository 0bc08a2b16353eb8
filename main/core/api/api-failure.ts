import type { z } from 'zod';
import type { ApiErrorCode, ApiIssue } from '../../../shared/result.js';

export { describeIssue } from '../../../shared/result.js';

/** Thrown inside the core to answer a call with a specific error code; anything else becomes `internal`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
    /** When the same call may succeed (ISO): a block with nothing due now names when the next lead is. */
    readonly retryAt?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** zod's issues as the contract carries them: the path as strings (`iceServers.2` is `['iceServers', '2']`). */
export function issuesFromZod(error: z.ZodError): ApiIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
}
