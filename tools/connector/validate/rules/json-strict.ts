import { DOCS, type Rule } from '../types.js';

/**
 * Strict JSON: paconn reads the swagger with `utf-8-sig` and Python's strict `json.load`, so
 * trailing commas, comments, duplicate keys and non-UTF-8 bytes are refused. The loader reports
 * these while parsing (once per file); this entry gives the finding its id, docs and severity.
 */
export const jsonStrict: Rule = {
  id: 'json-strict',
  severity: 'error',
  description: 'Files are strict UTF-8 JSON: no trailing commas, comments or duplicate keys (BOM tolerated)',
  docsUrl: DOCS.paconn,
  create: () => ({}),
};
