/** Raised for problems the user can fix; printed without a stack, exit code 1. */
export class CliError extends Error {}
