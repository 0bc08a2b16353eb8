/**
 * The store could not be opened. Nothing was replaced: `keptFiles` lists where
 * the rep's data now is, so the message can tell them exactly.
 */
export class StoreOpenError extends Error {
  constructor(
    message: string,
    readonly keptFiles: string[] = [],
    /** `damaged`: the files cannot be read and are moved aside; `busy`: another process holds them. */
    readonly kind: 'damaged' | 'busy' = 'damaged',
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}
