import {
  contract,
  isCallName,
  type CallName,
  type CallOutput,
  type ParsedInput,
} from '../../../shared/contract/index.js';
import { fail, ok, type Result } from '../../../shared/result.js';
import { ApiFailure, describeIssue, issuesFromZod } from './api-failure.js';

export type Handler<K extends CallName> = (input: ParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;
export type Handlers = { [K in CallName]: Handler<K> };
/** The slice of handlers one area of the core provides. */
export type HandlersFor<T> = { [K in keyof T & CallName]: Handler<K> };

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors are logged; they are answered as `internal` without a stack. */
  logError?: (call: string, error: unknown) => void;
}

/**
 * The single entry point for renderer calls, shared by the Electron shell and
 * the test harness: unknown names and invalid input are answered, never thrown.
 */
export function createDispatch(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (name, input) => {
    if (!isCallName(name)) return fail('invalid-input', `Unknown call: ${describe(name)}`);
    const parsed = contract[name].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return fail('invalid-input', `Invalid input for ${name}: ${describeIssue(issues[0]!, '(input)')}`, issues);
    }
    try {
      const handler = handlers[name] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error.code, error.message, error.issues, error.retryAt);
      options.logError?.(name, error);
      return fail('internal', `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
