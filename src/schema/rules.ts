import type { Issue } from '../errors/request-errors.js';

// A few composable checks for what the client itself must refuse before sending (chat
// parameters, strict responses). They accept exactly what the zod/mini schemas next to them
// accept (property-tested), at a fraction of the bundle: the core ships these, not zod.

export type Path = ReadonlyArray<string | number>;

/** Checks `value` at `path`, adding an issue for each problem it finds. */
export type Rule = (value: unknown, path: Path, issues: Issue[]) => void;

const add = (issues: Issue[], path: Path, message: string) => {
  issues.push({ path: path.join('.'), message });
};

/** "is required" when missing, else "expected <what>". */
const wrongType = (issues: Issue[], path: Path, value: unknown, what: string) =>
  add(issues, path, value === undefined ? 'is required' : `expected ${what}`);

export const isObject = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const string =
  (minLength = 0): Rule =>
  (value, path, issues) => {
    if (typeof value !== 'string') return wrongType(issues, path, value, 'string');
    if (value.length < minLength) add(issues, path, `must have at least ${minLength} character(s)`);
  };

export const boolean: Rule = (value, path, issues) => {
  if (typeof value !== 'boolean') wrongType(issues, path, value, 'boolean');
};

/** A finite number within `[min, max]`; `integer` also asks for a safe integer. */
export const number = (
  min = Number.NEGATIVE_INFINITY,
  max = Number.POSITIVE_INFINITY,
  integer = false,
): Rule => {
  const low = integer ? Math.max(min, Number.MIN_SAFE_INTEGER) : min;
  const high = integer ? Math.min(max, Number.MAX_SAFE_INTEGER) : max;
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return wrongType(issues, path, value, 'number');
    if (integer && !Number.isInteger(value)) return add(issues, path, 'expected an integer');
    if (value < low) add(issues, path, `must be at least ${low}`);
    else if (value > high) add(issues, path, `must be at most ${high}`);
  };
};

export const integer = (min?: number, max?: number): Rule => number(min, max, true);

export const literal =
  (...values: readonly string[]): Rule =>
  (value, path, issues) => {
    if (!values.includes(value as string))
      add(issues, path, `must be one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
  };

export const anything: Rule = () => {};

// Rules that accept a missing value: an object skips its absent optional fields without building
// their paths (a request sets a handful of the thirty fields checked).
const skipsMissing = new WeakSet<Rule>();

/** Allows `undefined`; `nullable` also allows `null`. */
export const optional = (rule: Rule, nullable = false): Rule => {
  const allowing: Rule = (value, path, issues) => {
    if (value === undefined || (nullable && value === null)) return;
    rule(value, path, issues);
  };
  skipsMissing.add(allowing);
  return allowing;
};

export const nullish = (rule: Rule): Rule => optional(rule, true);

/** Allows `null` but not a missing value. */
export const nullable =
  (rule: Rule): Rule =>
  (value, path, issues) => {
    if (value !== null) rule(value, path, issues);
  };

export const array =
  (item: Rule, { min = 0, max = Number.POSITIVE_INFINITY } = {}): Rule =>
  (value, path, issues) => {
    if (!Array.isArray(value)) return wrongType(issues, path, value, 'array');
    for (let i = 0; i < value.length; i++) item(value[i], [...path, i], issues);
    if (value.length < min) add(issues, path, `must have at least ${min} item(s)`);
    if (value.length > max) add(issues, path, `must have at most ${max} item(s)`);
  };

/** Any non-array object; the fields named are checked, others pass through (the vendor's business). */
export const object = (fields: Readonly<Record<string, Rule>>): Rule => {
  // Own keys, listed once: a `for…in` would also walk anything added to Object.prototype.
  const entries = Object.entries(fields);
  return (value, path, issues) => {
    if (!isObject(value)) return wrongType(issues, path, value, 'object');
    for (const [key, rule] of entries) {
      const field = value[key];
      if (field !== undefined || !skipsMissing.has(rule)) rule(field, [...path, key], issues);
    }
  };
};

/** A plain object (a JSON object, not a Date or a class instance) whose values all pass `item`. */
export const record =
  (item: Rule): Rule =>
  (value, path, issues) => {
    if (!isPlain(value)) return wrongType(issues, path, value, 'a plain object');
    for (const key of Reflect.ownKeys(value)) {
      // Hidden keys (a framework's `__ob__`, a MobX symbol, `arguments.callee`) are not data.
      if (!Object.prototype.propertyIsEnumerable.call(value, key)) continue;
      if (typeof key === 'symbol') add(issues, path, 'must have only string keys');
      else if (key !== '__proto__') item(value[key], [...path, key], issues);
    }
  };

/** Picks the one rule that can apply to this value (a union whose branches the input tells apart). */
export const oneOf =
  (pick: (value: unknown) => Rule | string): Rule =>
  (value, path, issues) => {
    const rule = pick(value);
    if (typeof rule === 'string') wrongType(issues, path, value, rule);
    else rule(value, path, issues);
  };

/** An object told apart by its `key` field (`role`, `type`): the rule for that value, or an issue. */
export const tagged =
  (key: string, byTag: Readonly<Record<string, Rule>>, other?: Rule): Rule =>
  (value, path, issues) => {
    if (!isObject(value)) return wrongType(issues, path, value, 'object');
    const tag = value[key];
    const rule = typeof tag === 'string' && Object.hasOwn(byTag, tag) ? byTag[tag] : other;
    if (rule) return rule(value, path, issues);
    add(
      issues,
      [...path, key],
      `must be one of ${Object.keys(byTag)
        .map((t) => JSON.stringify(t))
        .join(', ')}`,
    );
  };

/** Issues of `value` against `rule`, paths joined with dots. */
export function check(rule: Rule, value: unknown): Issue[] {
  const issues: Issue[] = [];
  rule(value, [], issues);
  return issues;
}

// zod's record test: a prototype that is Object.prototype-like, or none.
function isPlain(value: unknown): value is Record<PropertyKey, unknown> {
  if (!isObject(value)) return false;
  const ctor = (value as { constructor?: unknown }).constructor;
  if (ctor === undefined || typeof ctor !== 'function') return true;
  const proto = (ctor as { prototype?: unknown }).prototype;
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf');
}
