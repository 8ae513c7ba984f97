import { DOCS, type Rule } from '../types.js';

export const MAX_SWAGGER_BYTES = 1024 * 1024;

/** Certification keeps the swagger (and script.csx) under 1 MB. */
export const fileSize: Rule = {
  id: 'file-size',
  severity: 'warning',
  description: 'apiDefinition.swagger.json and script.csx are under 1 MB',
  docsUrl: `${DOCS.script}`,
  create: ({ index, report }) => ({
    document() {
      if (index.swagger.bytes > MAX_SWAGGER_BYTES) report({ message: `the swagger is ${index.swagger.bytes} bytes: keep it under 1 MB`, path: [] });
      if (index.scriptText !== undefined && Buffer.byteLength(index.scriptText) > MAX_SWAGGER_BYTES) report({ message: 'script.csx is over 1 MB, the largest custom code file allowed', path: [], file: 'script' });
    },
  }),
};
