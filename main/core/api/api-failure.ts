import type { ApiError, ApiErrorCode } from '../../../shared/result.js';

/** Thrown inside the core to answer a call with a specific error code; anything else becomes `internal`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiError['issues'],
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
