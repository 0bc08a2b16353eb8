/**
 * The contract's call names, for the preload. A module of its own so the
 * build can replace it with the literal list (scripts/build-electron.mjs):
 * the sandboxed preload then carries no zod schemas, only names.
 */
export { CALL_NAMES } from '../../shared/contract/index.js';
