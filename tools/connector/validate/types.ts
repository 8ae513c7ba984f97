import type { RuleMeta } from '../../diagnostics/ruleset.js';
/**
 * The shapes every connector rule sees: one parsed connector (swagger + apiProperties + script),
 * indexed once, and the visitor a rule returns. Rules are pure: they report through `report`.
 */
import type { Severity } from '../../diagnostics/index.js';
import type { ConnectorIndex, OperationNode, ParameterNode, SchemaNode } from './document-index.js';

export type JsonPath = (string | number)[];

/** Which file of the connector a finding is in. */
export type ConnectorFileKind = 'swagger' | 'apiProperties' | 'script';

export interface Finding {
  message: string;
  path: JsonPath;
  /** Defaults to the swagger file. */
  file?: ConnectorFileKind;
}

export interface RuleContext {
  index: ConnectorIndex;
  report(finding: Finding): void;
}

/** Node kinds a rule can visit; the engine walks the index once and calls each rule's visitors. */
export interface RuleVisitor {
  document?(): void;
  operation?(operation: OperationNode): void;
  parameter?(parameter: ParameterNode): void;
  schema?(schema: SchemaNode): void;
  apiProperties?(properties: Record<string, unknown>): void;
}

/** A connector rule: the shared rule metadata (tools/diagnostics/ruleset.ts) plus its visitors. */
export interface Rule extends RuleMeta {
  create(context: RuleContext): RuleVisitor;
}

export const DOCS = {
  validator: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-swagger-validator-rules',
  extensions: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/openapi-extensions',
  codingStandards: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/coding-standards',
  submission: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/certification-submission',
  definition: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/define-openapi-definition',
  paconn: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/paconn-cli',
  policies: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/policy-templates',
  script: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/write-code',
  webhooks: 'https://learn.microsoft.com/en-us/connectors/custom-connectors/create-webhook-trigger',
} as const;

/** Type guard for plain JSON objects. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
