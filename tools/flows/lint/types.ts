import type { RuleMeta } from '../../diagnostics/ruleset.js';
/**
 * The shapes every flow rule sees, the same pattern as the connector validator's rules: a rule is
 * `{id, severity, description, docsUrl, create(context)}` and returns visitors; the engine walks each
 * flow once and calls them. Rules are pure: they report through `context.report`.
 */
import type { Severity } from '../../diagnostics/index.js';
import type { ActionVisit } from '../wdl/walk.js';
import type { ConnectorCatalog } from './connectors/catalog.js';
import type { CallFact, ExpressionSite } from './model/expressions.js';
import type { FlowModel, TriggerVisit } from './model/flow-model.js';

export type JsonPath = (string | number)[];

export interface Finding {
  message: string;
  path: JsonPath;
  /** 1-based column inside the string value at `path` (expression findings). */
  column?: number;
}

/** Who holds an expression: an action (its own properties) or a trigger. */
export type ExpressionOwner = { kind: 'action'; visit: ActionVisit } | { kind: 'trigger'; trigger: TriggerVisit };

/** What the linter knows beyond the one flow: the solution around it, when there is one. */
export interface SolutionContext {
  /** Workflow ids (lowercase) of the flows in the solution; undefined when linting a lone flow. */
  workflowIds?: ReadonlySet<string>;
  /** The solution's flows by workflow id (lowercase), for checks of child flow calls. */
  workflows?: ReadonlyMap<string, FlowModel>;
  /** Schema names of the solution's environment variable definitions; undefined when unknown. */
  environmentVariables?: ReadonlySet<string>;
  /** Operations of connectors by api name (`shared_x`), from swaggers and the built-in catalog. */
  connectors: ConnectorCatalog;
}

export interface RuleContext {
  flow: FlowModel;
  solution: SolutionContext;
  report(finding: Finding): void;
}

export interface RuleVisitor {
  flow?(): void;
  trigger?(trigger: TriggerVisit): void;
  action?(visit: ActionVisit): void;
  expression?(site: ExpressionSite, owner: ExpressionOwner): void;
  call?(call: CallFact, owner: ExpressionOwner): void;
}

/** A flow rule: the shared rule metadata (tools/diagnostics/ruleset.ts) plus its visitors. */
export interface FlowRule extends RuleMeta {
  create(context: RuleContext): RuleVisitor;
}

export const DOCS = {
  runAfter: 'https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-exception-handling#manage-the-run-after-behavior',
  functions: 'https://learn.microsoft.com/en-us/azure/logic-apps/workflow-definition-language-functions-reference',
  workflowFunctions: 'https://learn.microsoft.com/en-us/azure/logic-apps/workflow-definition-language-functions-reference#workflow-functions',
  variables: 'https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-create-variables-store-values',
  loops: 'https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-control-flow-loops',
  terminate: 'https://learn.microsoft.com/en-us/azure/logic-apps/logic-apps-workflow-actions-triggers#terminate-action',
  connectionReferences: 'https://learn.microsoft.com/en-us/power-automate/create-connection-reference',
  connectors: 'https://learn.microsoft.com/en-us/connectors/connector-reference/',
  childFlows: 'https://learn.microsoft.com/en-us/power-automate/create-child-flows',
  environmentVariables: 'https://learn.microsoft.com/en-us/power-apps/maker/data-platform/environmentvariables',
  secureInputs: 'https://learn.microsoft.com/en-us/power-automate/how-tos-use-sensitive-input',
} as const;
