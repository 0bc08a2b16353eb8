import type { z } from 'zod';

/**
 * One call of the contract: a zod schema for its input (validated in main, so
 * the renderer is never trusted) and a phantom output type (main produces it,
 * so there is nothing to validate on the way back).
 */
export interface CallSpec<I extends z.ZodType, O> {
  readonly input: I;
  /** Type-level only; never set. */
  readonly output?: O;
}

/** `call<Output>()(inputSchema)`: curried so the output type can be named while the input is inferred. */
export const call =
  <O>() =>
  <I extends z.ZodType>(input: I): CallSpec<I, O> => ({ input });
