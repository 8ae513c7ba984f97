/**
 * The flow engine: runs Power Automate flow definitions locally, unchanged.
 * Phases of a run, one folder each: definition/ (load, parameters, plan + validation), triggers/,
 * context/ (run state, frames, expression context, concurrency turns), run-after/ (runAfter checks,
 * status rules), actions/ (one action type per file), connectors/ + retry/ (outbound calls),
 * history/ + outputs/ (run history, summaries).
 */
export { runFlow, type RunFlowOptions, type RunResult, type ChildFlowResolver } from './runner.js';
export { Scheduler, type ScheduleOptions } from './scheduler.js';
export { runTriggered, SPLIT_ON_MAX_ITEMS, SPLIT_ON_MAX_ITEMS_WITH_CONCURRENCY, type TriggeredRuns } from './triggers/split-on.js';
export { FakeClock, systemClock, parseIsoDuration, type Clock } from './clock.js';
export { loadWorkflow, loadSolution, workflowFromJson, type LoadedSolution } from './definition/load-workflow.js';
export { resolveParameters, parameterValuesFromJson } from './definition/parameters.js';
export { planWorkflow, LIMITS, type Plan, type PlannedAction, type DefinitionProblem } from './definition/plan.js';
export type { WorkflowDefinition, ActionDefinition, TriggerDefinition, LoadedWorkflow, ConnectionReference } from './definition/types.js';
export { ConnectionResolver, readConnectionsFile, type ConnectionConfig } from './connectors/connections.js';
export type { AuthConfig } from './connectors/auth.js';
export { fetchTransport, type HttpTransport, type WireRequest, type WireResponse } from './connectors/transport.js';
export { recurrenceTimes } from './triggers/recurrence.js';
export { actionTypes } from './actions/index.js';
export { triggerTypes } from './triggers/index.js';
export { historyToJson, writeHistoryFile, SECURED } from './history/serialize.js';
export { runSummary, runTable } from './outputs/run-summary.js';
export { ActionRun } from './history/action-run.js';
export { RunHistory, type HistoryDetail, type HistoryOptions } from './history/run-history.js';
export { DefinitionError, ActionFailure } from './errors.js';
