import type { Issue } from '../errors/request-errors.js';

// zod/mini ships without locale messages (loading one is a global side effect on the user's zod),
// so issues are worded here from their structured fields.

interface RawIssue {
  readonly code?: string;
  readonly path?: readonly PropertyKey[];
  readonly message?: string;
  readonly expected?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: string;
  readonly values?: readonly unknown[];
  readonly errors?: readonly (readonly RawIssue[])[];
  readonly keys?: readonly string[];
  readonly input?: unknown;
  readonly note?: string;
}

export function formatIssues(issues: readonly RawIssue[], prefix: readonly PropertyKey[] = []): Issue[] {
  return issues.flatMap((issue) => {
    // A union names no branch; report the branch that got furthest, which is the one the user meant.
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0) {
      const branch = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0] ?? [];
      if (branch.length > 0) return formatIssues(branch, [...prefix, ...(issue.path ?? [])]);
    }
    const path = [...prefix, ...(issue.path ?? [])].map(String).join('.');
    return { path, message: describe(issue) };
  });
}

function depth(branch: readonly RawIssue[]): number {
  return Math.max(0, ...branch.map((i) => i.path?.length ?? 0));
}

function describe(issue: RawIssue): string {
  const sizeUnit = issue.origin === 'array' ? ' item(s)' : issue.origin === 'string' ? ' character(s)' : '';
  switch (issue.code) {
    case 'invalid_type':
      return 'input' in issue && issue.input === undefined
        ? 'is required'
        : `expected ${String(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at least ${String(issue.minimum)}${sizeUnit}`
        : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'string'
        ? `must have at most ${String(issue.maximum)}${sizeUnit}`
        : `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return issue.note === 'No matching discriminator'
        ? 'is not a recognised value'
        : 'does not match any accepted form';
    case 'unrecognized_keys':
      return `unknown key(s): ${(issue.keys ?? []).join(', ')}`;
    default:
      return issue.message && issue.message !== 'Invalid input' ? issue.message : 'is invalid';
  }
}
