import { dataverseErrors } from '../store/dataverse-error.js';

/** What a path below the service root addresses. */
export type ResourcePath =
  | { kind: 'service' }
  | { kind: 'metadata' }
  | { kind: 'batch' }
  | { kind: 'collection'; entitySet: string }
  | { kind: 'count'; entitySet: string }
  | { kind: 'entity'; entitySet: string; key: string }
  | { kind: 'property'; entitySet: string; key: string; property: string }
  /** `<set>(<key>)/<navigation>/$ref`, or `<set>(<key>)/<navigation>(<relatedKey>)/$ref`. */
  | { kind: 'ref'; entitySet: string; key: string; navigation: string; relatedKey?: string }
  /** `<set>(<key>)/Microsoft.Dynamics.CRM.<action>`: a bound action. */
  | { kind: 'boundAction'; entitySet: string; key: string; action: string };

const ENTITY = /^([A-Za-z_][A-Za-z0-9_]*)\((.*)\)$/;
/** A set name, or a set name and a key of GUID characters, with no slash, percent sign, quote or parenthesis inside. */
const PLAIN_SEGMENT = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([0-9A-Za-z-]+)\))?$/;
const REF = /^([A-Za-z_][A-Za-z0-9_]*)(?:\(([^()]*)\))?\/\$ref$/;
const BOUND_ACTION = /^Microsoft\.Dynamics\.CRM\.([A-Za-z_][A-Za-z0-9_]*)$/;

/** Splits `admin_apps(<key>)/admin_displayname` and friends; the key text is parsed by the store. */
export function parseResourcePath(path: string): ResourcePath {
  // The common case, a set or one row by its key with nothing to decode (`admin_auditlogs(<guid>)`): read at once.
  const plain = PLAIN_SEGMENT.exec(path);
  if (plain) return plain[2] === undefined ? { kind: 'collection', entitySet: plain[1]! } : { kind: 'entity', entitySet: plain[1]!, key: plain[2] };
  let clean: string;
  try {
    clean = decodeURIComponent(path).replace(/^\/+|\/+$/g, '');
  } catch {
    throw dataverseErrors.resourceNotFound(path);
  }
  if (clean === '') return { kind: 'service' };
  if (clean === '$metadata') return { kind: 'metadata' };
  if (clean === '$batch') return { kind: 'batch' };
  const slash = splitFirstSegment(clean);
  const [first, rest] = slash;
  const entity = ENTITY.exec(first);
  if (!entity) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(first)) throw dataverseErrors.resourceNotFound(first);
    if (rest === undefined) return { kind: 'collection', entitySet: first };
    if (rest === '$count') return { kind: 'count', entitySet: first };
    throw dataverseErrors.resourceNotFound(rest);
  }
  const [, entitySet, key] = entity;
  if (rest === undefined) return { kind: 'entity', entitySet: entitySet!, key: key! };
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(rest)) return { kind: 'property', entitySet: entitySet!, key: key!, property: rest };
  const ref = REF.exec(rest);
  if (ref) return { kind: 'ref', entitySet: entitySet!, key: key!, navigation: ref[1]!, ...(ref[2] === undefined ? {} : { relatedKey: ref[2] }) };
  const bound = BOUND_ACTION.exec(rest);
  if (bound) return { kind: 'boundAction', entitySet: entitySet!, key: key!, action: bound[1]! };
  throw dataverseErrors.resourceNotFound(rest);
}

/** Splits at the first `/` outside parentheses and quotes (keys may hold `/` inside strings). */
function splitFirstSegment(path: string): [string, string | undefined] {
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < path.length; i++) {
    const char = path[i];
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === '(') depth++;
    else if (!quoted && char === ')') depth--;
    else if (!quoted && depth === 0 && char === '/') return [path.slice(0, i), path.slice(i + 1)];
  }
  return [path, undefined];
}
