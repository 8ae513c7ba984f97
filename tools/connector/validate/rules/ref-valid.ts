import { DOCS, type Rule } from '../types.js';

const LOCAL_TARGET: Record<string, RegExp> = {
  schema: /^#\/definitions\/[^/]+$/,
  parameter: /^#\/parameters\/[^/]+$/,
  response: /^#\/responses\/[^/]+$/,
};

/**
 * $refs are local ("#/definitions/X", "#/parameters/X", "#/responses/X"), resolve, do not loop,
 * and sit alone (siblings of a $ref are ignored by the service); path items cannot be $refs.
 * paconn gives an HTTP 500 with no message for a broken $ref, so this is checked before upload.
 */
export const refValid: Rule = {
  id: 'ref-valid',
  severity: 'error',
  description: '$refs are local, resolve, do not loop, and have no sibling keys; path items are not $refs',
  docsUrl: DOCS.validator,
  create: ({ index, report }) => ({
    document() {
      for (const ref of index.refs) {
        const value = ref.ref;
        if (ref.kind === 'pathItem') {
          report({ message: 'a path item cannot be a $ref: connectors need every operation inline', path: ref.path });
          continue;
        }
        if (typeof value !== 'string') {
          report({ message: `$ref must be a string, found ${JSON.stringify(value)}`, path: ref.path });
          continue;
        }
        if (!value.startsWith('#')) {
          report({ message: `$ref "${value}" points outside this file: a connector is a single file`, path: ref.path });
          continue;
        }
        if (!LOCAL_TARGET[ref.kind]!.test(value)) {
          report({ message: `$ref "${value}" should point to ${ref.kind === 'schema' ? '#/definitions/<name>' : `#/${ref.kind}s/<name>`}`, path: ref.path });
        }
        if (!index.resolve(value)) {
          report({ message: `$ref "${value}" does not resolve`, path: ref.path });
          continue;
        }
        if (!index.deref(ref.holder, ref.path)) report({ message: `$ref "${value}" is part of a reference cycle that never reaches a definition`, path: ref.path });
        const siblings = Object.keys(ref.holder).filter((k) => k !== '$ref' && !k.startsWith('x-') && k !== 'description' && k !== 'title');
        if (siblings.length > 0 && ref.kind === 'schema') report({ message: `keys beside $ref are ignored: ${siblings.join(', ')}`, path: ref.path });
      }
    },
  }),
};
