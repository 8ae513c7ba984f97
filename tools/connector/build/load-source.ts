import { basename, extname } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { InputError } from '../../core/errors.js';
import { readYamlFile, parseYamlText, type YamlSource } from '../../core/read-input.js';
import { toPointer } from '../../diagnostics/pointer.js';
import { connectorSourceSchema } from './source-schema.js';
import type { ConnectorSource } from './source-types.js';
import { checkSourceSemantics } from './check-source.js';

/** A connector source that passed the schema and the semantic checks. */
export interface LoadedSource {
  /** File name without extension: the output folder name (`office365-management-api`). */
  name: string;
  file: string;
  source: ConnectorSource;
  /** Line and column of a path in the file, for errors found after loading. */
  locate: YamlSource['locate'];
}

type Path = (string | number)[];

let compiled: ReturnType<Ajv['compile']> | undefined;
function validator() {
  // verbose: errors carry their parent schema, so an unknown key can list the keys allowed there.
  compiled ??= new Ajv({ allErrors: false, strict: false, verbose: true }).compile(connectorSourceSchema);
  return compiled;
}

/** Reads and checks one source file; any problem is one InputError naming file:line. */
export function loadConnectorSource(file: string): LoadedSource {
  return checkLoaded(file, readYamlFile(file));
}

/** Same as loadConnectorSource for text already in memory (tests, benchmarks). */
export function parseConnectorSource(text: string, file: string): LoadedSource {
  return checkLoaded(file, parseYamlText(text, file));
}

function checkLoaded(file: string, yaml: YamlSource): LoadedSource {
  const fail = (message: string, path: Path): never => {
    const at = yaml.locate(path);
    throw new InputError(message, { file, pointer: toPointer(path), line: at.line, column: at.column });
  };
  const value = yaml.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail('expected a connector source: a YAML mapping with connector, clouds, basePath, auth and operations', []);
  }
  const validate = validator();
  if (!validate(value)) {
    const error = (validate.errors ?? []).find((e) => e.keyword !== 'if') ?? validate.errors![0]!;
    const { message, path } = describeSchemaError(error, value);
    fail(message, path);
  }
  const source = value as ConnectorSource;
  checkSourceSemantics(source, fail);
  return { name: basename(file, extname(file)), file, source, locate: yaml.locate };
}

/** Turns an ajv error into one sentence a source author can act on, and where it points. */
function describeSchemaError(error: ErrorObject, root: unknown): { message: string; path: Path } {
  const path = instancePath(error.instancePath, root);
  const where = describePath(path, root);
  const key = path.length > 0 ? String(path[path.length - 1]) : 'the file';
  const params = error.params as Record<string, unknown>;
  // ajv reports a bad key through the failing sub-keyword (pattern, not), naming it in propertyName.
  const keyword = error.propertyName !== undefined || params.propertyName !== undefined ? 'propertyNames' : error.keyword;
  if (keyword === 'propertyNames' && params.propertyName === undefined) params.propertyName = error.propertyName;
  switch (keyword) {
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = /secret|password/i.test(unknown) ? '; secrets never go in a source: give them at deploy time (paconn create --secret)' : '';
      return {
        message: `unknown key "${unknown}"${where}${allowed.length ? `; expected one of: ${allowed.join(', ')}` : ''}${hint}`,
        path: [...path, unknown],
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      if (missing === 'responses' && path[0] === 'operations') {
        return { message: `${where.replace(/^ in /, '')} has no responses: every operation needs at least one response, e.g. "200"`, path };
      }
      return { message: `missing required key "${missing}"${where}`, path };
    }
    case 'type':
      return { message: `"${key}"${where} must be ${article(String(params.type))}, got ${typeName(error.data)}`, path };
    case 'enum':
      return { message: `"${key}"${where} must be one of: ${(params.allowedValues as unknown[]).join(', ')}; got ${JSON.stringify(error.data)}`, path };
    case 'const':
      return { message: `"${key}"${where} must be ${JSON.stringify(params.allowedValue)}`, path };
    case 'pattern':
      return { message: `"${key}"${where} is ${JSON.stringify(error.data)}: ${PATTERN_HINTS[key] ?? `expected text matching ${String(params.pattern)}`}`, path };
    case 'propertyNames': {
      const name = String(params.propertyName);
      const message =
        key === 'responses'
          ? `"${name}"${where} is not an HTTP status code (100-599) or "default"`
          : `key "${name}"${where} is not allowed: expected a name of letters, digits, _, . and - starting with a letter, other than __proto__, constructor or prototype`;
      return { message, path: [...path, name] };
    }
    default:
      return { message: `"${key}"${where} ${error.message ?? 'is not valid'}`, path };
  }
}

const PATTERN_HINTS: Record<string, string> = {
  operationId: 'expected letters and digits only, starting with a letter (PascalCase, e.g. ListContent)',
  path: 'expected a path starting with "/" without ?, # or *',
  basePath: 'expected a path starting with "/"',
  brandColor: 'expected a colour as #rrggbb',
  host: 'expected a bare host name (and port), without scheme or path',
  version: 'expected a version like 1.0 or 1.0.0',
  solutionName: 'expected letters, digits, _ and - only',
  name: 'expected letters, digits, _, . and - only',
  resource: 'expected an https:// URL',
  login: 'expected an https:// URL',
  website: 'expected an https:// URL',
  privacyPolicy: 'expected an https:// URL',
  url: 'expected an https:// URL',
  email: 'expected an e-mail address',
};

/** ajv instance path (`/operations/2/summary`) as path segments, array indexes as numbers. */
function instancePath(pointer: string, root: unknown): Path {
  const path: Path = [];
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isIndex = Array.isArray(node) && /^\d+$/.test(segment);
    path.push(isIndex ? Number(segment) : segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}

/** ` in operation "ListContent" (operations[3])`: where a problem is, in the author's terms. */
export function describePath(path: Path, root: unknown): string {
  if (path[0] === 'operations' && typeof path[1] === 'number') {
    const operation = (root as { operations?: { operationId?: unknown }[] }).operations?.[path[1]];
    const id = typeof operation?.operationId === 'string' ? ` "${operation.operationId}"` : ` #${path[1] + 1}`;
    const rest = path.slice(2);
    return ` in operation${id}${rest.length > 1 ? ` (${formatPath(rest.slice(0, -1))})` : ''}`;
  }
  return path.length > 1 ? ` in ${formatPath(path.slice(0, -1))}` : path.length === 1 ? '' : '';
}

function formatPath(path: Path): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
