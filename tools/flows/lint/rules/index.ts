import type { FlowRule } from '../types.js';
import { actionReferenceMissing } from './action-reference-missing.js';
import { actionReferenceNotRun } from './action-reference-not-run.js';
import { childFlowContract } from './child-flow-contract.js';
import { connectionReferenceMissing } from './connection-reference-missing.js';
import { environmentVariableUndefined } from './environment-variable-undefined.js';
import { expressionArity } from './expression-arity.js';
import { expressionSyntax } from './expression-syntax.js';
import { expressionUnknownFunction } from './expression-unknown-function.js';
import { hardcodedSecret } from './hardcoded-secret.js';
import { hardcodedValue } from './hardcoded-value.js';
import { itemOutsideLoop } from './item-outside-loop.js';
import { operationParameterMissing } from './operation-parameter-missing.js';
import { operationUnknown } from './operation-unknown.js';
import { parameterUndefined } from './parameter-undefined.js';
import { runAfterCycle } from './run-after-cycle.js';
import { runAfterMissingAction } from './run-after-missing-action.js';
import { setVariableInParallelLoop } from './set-variable-in-parallel-loop.js';
import { terminateInLoop } from './terminate-in-loop.js';
import { trackedPropertiesScope } from './tracked-properties-scope.js';
import { variableInitNotTopLevel } from './variable-init-not-top-level.js';
import { variableNotInitialized } from './variable-not-initialized.js';
import { workflowLimits } from './workflow-limits.js';
import { workflowReferenceMissing } from './workflow-reference-missing.js';

/** Every flow rule by id: an explicit map, no file-system discovery. Adding a rule is one line. */
export const flowRules: ReadonlyMap<string, FlowRule> = new Map(
  [
    runAfterMissingAction,
    runAfterCycle,
    expressionSyntax,
    expressionUnknownFunction,
    expressionArity,
    actionReferenceMissing,
    actionReferenceNotRun,
    variableNotInitialized,
    variableInitNotTopLevel,
    setVariableInParallelLoop,
    itemOutsideLoop,
    terminateInLoop,
    trackedPropertiesScope,
    connectionReferenceMissing,
    operationUnknown,
    operationParameterMissing,
    workflowReferenceMissing,
    childFlowContract,
    parameterUndefined,
    environmentVariableUndefined,
    hardcodedValue,
    hardcodedSecret,
    workflowLimits,
  ].map((rule) => [rule.id, rule]),
);
