/**
 * The store could not be opened. Nothing was replaced: `keptFiles` lists where
 * the rep's data now is, so the message can tell them exactly.
 */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly keptFiles: string[] = [],
    /**
     * `damaged`: the files cannot be read and are moved aside; `busy`: another
     * process holds them; `newer`: a newer Dialdesk wrote them (nothing is moved).
     */
    readonly kind: 'damaged' | 'busy' | 'newer' = 'damaged',
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/** Data written by a newer Dialdesk: not damage, so nothing is moved or rewritten. */
export class NewerDataError extends StoreOpenError {
  constructor(
    readonly file: string,
    readonly version: number,
  ) {
    super(`${file} was made by a newer Dialdesk (version ${version}); update the app. Nothing was changed.`, [], 'newer');
    this.name = 'NewerDataError';
  }
}
