/**
 * The Workflow Definition Language shapes the engine reads, as Power Automate exports them
 * (`properties.definition` of a solution's Workflows/*.json). Only what the engine uses is typed;
 * everything else stays `unknown` and is passed through untouched.
 */
export interface WorkflowDefinition {
  $schema?: string;
  contentVersion?: string;
  parameters?: Record<string, ParameterDefinition>;
  triggers?: Record<string, TriggerDefinition>;
  actions?: Record<string, ActionDefinition>;
  outputs?: Record<string, { type?: string; value?: unknown }>;
}

export interface ParameterDefinition {
  type?: string;
  defaultValue?: unknown;
  allowedValues?: unknown[];
  metadata?: { schemaName?: string; description?: string };
}

export interface TriggerDefinition {
  type: string;
  kind?: string;
  inputs?: Record<string, unknown>;
  recurrence?: RecurrenceDefinition;
  conditions?: Array<{ expression: string }>;
  splitOn?: string;
  runtimeConfiguration?: RuntimeConfiguration;
  metadata?: unknown;
}

export interface RecurrenceDefinition {
  frequency: 'Second' | 'Minute' | 'Hour' | 'Day' | 'Week' | 'Month';
  interval: number;
  startTime?: string;
  endTime?: string;
  timeZone?: string;
  schedule?: { hours?: number[]; minutes?: number[]; weekDays?: string[]; monthDays?: number[] };
}

export interface RuntimeConfiguration {
  concurrency?: { repetitions?: number; runs?: number };
  secureData?: { properties?: string[] };
  paginationPolicy?: { minimumItemCount?: number };
  staticResult?: unknown;
}

export interface ActionDefinition {
  type: string;
  kind?: string;
  inputs?: unknown;
  runAfter?: Record<string, string[]>;
  actions?: Record<string, ActionDefinition>;
  else?: { actions?: Record<string, ActionDefinition> };
  cases?: Record<string, { case: unknown; actions?: Record<string, ActionDefinition> }>;
  default?: { actions?: Record<string, ActionDefinition> };
  expression?: unknown;
  foreach?: unknown;
  limit?: { count?: number | string; timeout?: string };
  operationOptions?: string;
  runtimeConfiguration?: RuntimeConfiguration;
  description?: string;
  metadata?: unknown;
  trackedProperties?: unknown;
}

/** `properties.connectionReferences` of a solution flow: key = `host.connectionName`. */
export interface ConnectionReference {
  api?: { name?: string; logicalName?: string; id?: string };
  connection?: { connectionReferenceLogicalName?: string; id?: string; name?: string };
  connectionName?: string;
  id?: string;
  runtimeSource?: string;
  source?: string;
}

/** A flow as the engine runs it: its definition plus where it came from. */
export interface LoadedWorkflow {
  /** Display or file name, used in messages and `workflow().name`. */
  name: string;
  /** Dataverse workflow id when known (child calls use it as `workflowReferenceName`). */
  id?: string;
  definition: WorkflowDefinition;
  connectionReferences: Record<string, ConnectionReference>;
  /** File the definition was read from, for error messages. */
  file?: string;
  /** JSON pointer prefix of the definition inside that file (`/properties/definition`). */
  definitionPointer: string;
  /** Environment variable values shipped with the solution (schema name -> value). */
  environmentVariables?: Record<string, unknown>;
}
