/**
 * The parts of a Workflow Definition Language document (Logic Apps schema 2016-06-01, as Power
 * Automate exports it) that ppkit's renderer and linter read. Everything else passes through.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export const WDL_SCHEMA = 'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#';

export interface WdlAction {
  type?: string;
  kind?: string;
  runAfter?: Record<string, string[]>;
  inputs?: JsonValue;
  actions?: Record<string, WdlAction>;
  else?: { actions?: Record<string, WdlAction> };
  cases?: Record<string, { case?: JsonValue; actions?: Record<string, WdlAction> }>;
  default?: { actions?: Record<string, WdlAction> };
  expression?: JsonValue;
  foreach?: JsonValue;
  runtimeConfiguration?: JsonObject;
  operationOptions?: string;
  limit?: JsonObject;
  [key: string]: unknown;
}

export interface WdlDefinition {
  $schema?: string;
  contentVersion?: string;
  parameters?: Record<string, { type?: string; defaultValue?: JsonValue; metadata?: JsonObject }>;
  triggers?: Record<string, WdlAction>;
  actions?: Record<string, WdlAction>;
  outputs?: JsonObject;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
