/** Runs one rule through the real engine on an in-memory connector, like Spectral's testRule. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../helpers/cli.js';
import type { Diagnostic } from '../../../tools/diagnostics/index.js';
import { resolveRuleset, rules, validateSources } from '../../../tools/connector/validate/index.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');

/** The real-connector corpus sample, beside the project (shared/corpus/connectors). */
export const CORPUS = process.env.PPKIT_CONNECTOR_CORPUS ?? join(PROJECT_ROOT, '..', 'shared', 'corpus', 'connectors');

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function cleanConnector(): { swagger: Json; properties: Json } {
  return {
    swagger: JSON.parse(readFileSync(join(FIXTURES, 'clean', 'apiDefinition.swagger.json'), 'utf8')) as Json,
    properties: JSON.parse(readFileSync(join(FIXTURES, 'clean', 'apiProperties.json'), 'utf8')) as Json,
  };
}

export function onlyRule(id: string) {
  if (!rules.has(id)) throw new Error(`no rule ${id}`);
  return resolveRuleset(new Map([...rules.keys()].filter((other) => other !== id).map((other) => [other, 'off' as const])));
}

export function runRule(id: string, connector: { swagger: Json; properties?: Json; script?: string; group?: string; swaggerText?: string; propertiesText?: string }): Diagnostic[] {
  return validateSources(
    {
      swagger: { file: 'apiDefinition.swagger.json', text: connector.swaggerText ?? JSON.stringify(connector.swagger, null, 2) },
      apiProperties: connector.properties || connector.propertiesText ? { file: 'apiProperties.json', text: connector.propertiesText ?? JSON.stringify(connector.properties, null, 2) } : undefined,
      script: connector.script !== undefined ? { file: 'script.csx', text: connector.script } : undefined,
      group: connector.group,
    },
    onlyRule(id),
  ).diagnostics;
}
