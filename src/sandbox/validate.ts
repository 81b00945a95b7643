/**
 * A small structural checker for request bodies: mandatory fields, types, enums and ranges.
 * Unknown properties pass, as on the live API (docs/decisions/unknown-properties.md), and `known` then leaves them out.
 * Returns the first problem found, worded with the field's JSON path, the way the cloud names one
 * field per error.
 */
import { isObject } from '../core/json';

export type Spec =
  | { readonly type: 'string'; readonly required?: boolean; readonly enum?: readonly string[]; readonly ignoreCase?: boolean; readonly maxLength?: number; readonly nonEmpty?: boolean }
  | { readonly type: 'integer' | 'number'; readonly required?: boolean; readonly min?: number; readonly max?: number }
  | { readonly type: 'boolean'; readonly required?: boolean }
  | { readonly type: 'object'; readonly required?: boolean; readonly props: Readonly<Record<string, Spec>> }
  | { readonly type: 'array'; readonly required?: boolean; readonly items: Spec; readonly nonEmpty?: boolean }
  /** Any JSON value, kept as sent (a live command's `params`, which its route checks). */
  | { readonly type: 'any'; readonly required?: boolean };

export function findProblem(value: unknown, spec: Spec, path = ''): string | undefined {
  const at = path || 'the body';
  switch (spec.type) {
    case 'string': {
      if (typeof value !== 'string') return `${at} must be a string`;
      if (spec.nonEmpty && value.trim() === '') return `${at} must not be empty`;
      if (spec.maxLength !== undefined && value.length > spec.maxLength) return `${at} is longer than ${spec.maxLength} characters`;
      if (spec.enum) {
        const same = (v: string) => (spec.ignoreCase ? v.toUpperCase() === value.toUpperCase() : v === value);
        if (!spec.enum.some(same)) return `${at} must be one of ${spec.enum.join(', ')}`;
      }
      return undefined;
    }
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${at} must be a number`;
      if (spec.type === 'integer' && !Number.isInteger(value)) return `${at} must be an integer`;
      if (spec.min !== undefined && value < spec.min) return `${at} must be at least ${spec.min}`;
      if (spec.max !== undefined && value > spec.max) return `${at} must be at most ${spec.max}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${at} must be a boolean`;
    case 'any':
      return undefined;
    case 'array': {
      if (!Array.isArray(value)) return `${at} must be an array`;
      if (spec.nonEmpty && value.length === 0) return `${at} must not be empty`;
      for (let i = 0; i < value.length; i++) {
        const problem = findProblem(value[i], spec.items, `${path}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    case 'object': {
      if (!isObject(value)) return `${at} must be an object`;
      const record = value;
      for (const [name, child] of Object.entries(spec.props)) {
        const childPath = path ? `${path}.${name}` : name;
        if (record[name] === undefined || record[name] === null) {
          if (child.required) return `${childPath} is mandatory`;
          continue;
        }
        const problem = findProblem(record[name], child, childPath);
        if (problem) return problem;
      }
      return undefined;
    }
  }
}

/** A copy of `value`, which `findProblem` passed, with only the fields `spec` knows, in their order. */
export function known(value: unknown, spec: Spec): unknown {
  if (spec.type === 'array') return (value as unknown[]).map((item) => known(item, spec.items));
  if (spec.type !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
    const childSpec = Object.hasOwn(spec.props, name) ? spec.props[name] : undefined;
    if (childSpec && child !== null) result[name] = known(child, childSpec);
  }
  return result;
}
