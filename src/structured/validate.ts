import type { Issue } from '../errors/request-errors.js';
import { formatIssues } from '../schema/format-issues.js';
import type { StandardIssue, StandardSchemaV1 } from './standard-schema.js';

/** A value checked against a Standard Schema: its output, or the issues as chatwire words them. */
export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: Issue[] };

/** Runs a Standard Schema (sync or async) on `value`. */
export async function validateStandard<T>(
  schema: StandardSchemaV1<unknown, T>,
  value: unknown,
): Promise<Validated<T>> {
  const result = await schema['~standard'].validate(value);
  if (result.issues === undefined) return { ok: true, value: result.value };
  // zod/mini has no locale loaded (messages read "Invalid input"): word zod's issues from their fields.
  const vendor = schema['~standard'].vendor;
  const issues =
    vendor === 'zod'
      ? formatIssues(result.issues.map((i) => withInput(i, value)) as never)
      : result.issues.map(toIssue);
  return { ok: false, issues };
}

/** `a.b must be a string; c is required`, for messages to people and to models. */
export function describeIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}

/** Parses JSON text, or returns the issue that says why it is not JSON. */
export function parseJsonText(text: string): Validated<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, issues: [{ path: '', message: `not valid JSON (${reason})` }] };
  }
}

const toIssue = (issue: StandardIssue): Issue => ({
  path: (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
    .join('.'),
  message: issue.message,
});

// zod's Standard Schema issues leave out the input; put it back so "missing" reads "is required".
const withInput = (issue: StandardIssue, value: unknown): StandardIssue => {
  let input = value;
  for (const segment of issue.path ?? []) {
    const key = typeof segment === 'object' ? segment.key : segment;
    input =
      typeof input === 'object' && input !== null ? (input as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return { ...issue, input } as StandardIssue;
};
