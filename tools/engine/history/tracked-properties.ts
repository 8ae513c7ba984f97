import type { ActionRecord, EvaluationContext } from '../../expressions/context.js';
import type { Frame } from '../context/frame.js';
import type { PlannedAction } from '../definition/plan.js';
import { evaluatePart } from '../inputs/templates.js';
import type { ActionRun } from './action-run.js';

/** The error code Logic Apps reports when an action's tracked properties cannot be evaluated. */
export const TRACKED_PROPERTIES_FAILED = 'TrackedPropertiesEvaluationFailed';

/**
 * `trackedProperties` of an action ("Tracked Properties" in its settings): evaluated once the action
 * has finished, whatever its status, and kept on its record in run history (the run action's
 * `trackedProperties`, Log Analytics' TrackedProperties column). As Logic Apps documents them:
 * - they reference `action()` (`@action()['outputs']['body']`, `@action()?['inputs']`), the
 *   trigger's inputs and outputs (`triggerBody()`) and `parameters()`, with any function that reads
 *   no other part of the run;
 * - they can reference only their own action: `actions('X')`, `body('X')`, `variables()`,
 *   `item()` and the like fail the evaluation;
 * - they are not allowed on an action with secure inputs or outputs (nothing secured leaks here).
 * The docs do not say what a failed evaluation does; the service reports it as the action's error
 * TrackedPropertiesEvaluationFailed (Azure/LogicAppsUX#7516, #9342: the run then fails), so a
 * Succeeded action becomes Failed with that error (its inputs and outputs kept); an action that had
 * already failed keeps its own error. Either way the record carries `trackedPropertiesError`.
 */
export function trackProperties(action: PlannedAction, frame: Frame, record: ActionRun): void {
  const definition = action.definition.trackedProperties;
  if (definition === undefined) return;
  if (record.secureInputs || record.secureOutputs) {
    // The service refuses to save such a definition, with this message.
    fail(record, `tracked properties can only reference its own action's inputs and outputs when secureData setting is not enabled (action '${action.name}').`);
    return;
  }
  try {
    record.trackedProperties = evaluatePart(action, 'trackedProperties', definition, new TrackedPropertiesContext(frame, record));
  } catch (error) {
    fail(record, `The tracked properties of action '${action.name}' could not be evaluated: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fail(record: ActionRun, message: string): void {
  const error = { code: TRACKED_PROPERTIES_FAILED, message };
  record.trackedPropertiesError = error;
  if (record.status !== 'Succeeded') return;
  record.status = 'Failed';
  record.error = error;
  record.code = TRACKED_PROPERTIES_FAILED;
}

/** What tracked properties may see: `action()` (the finished record), the trigger, parameters, the clock and workflow(); nothing else of the run. */
class TrackedPropertiesContext implements EvaluationContext {
  constructor(
    private readonly frame: Frame,
    private readonly record: ActionRun,
  ) {}

  now(): Date {
    return this.frame.now();
  }
  parameter(name: string): unknown {
    return this.frame.parameter(name);
  }
  hasParameter(name: string): boolean {
    return this.frame.hasParameter(name);
  }
  workflow(): unknown {
    return this.frame.workflow();
  }
  currentAction(): ActionRecord {
    return this.record.toRecord();
  }
  variable(name: string): never {
    return notOwn(`variables('${name}')`);
  }
  hasVariable(name: string): never {
    return notOwn(`variables('${name}')`);
  }
  action(name: string): never {
    return notOwn(`the action '${name}' (actions(), body(), outputs())`);
  }
  trigger(): ActionRecord | undefined {
    return this.frame.trigger();
  }
  item(): never {
    return notOwn('item()');
  }
  items(loopName: string): never {
    return notOwn(`items('${loopName}')`);
  }
  iterationIndexes(loopName: string): never {
    return notOwn(`iterationIndexes('${loopName}')`);
  }
  result(scopeName: string): never {
    return notOwn(`result('${scopeName}')`);
  }
}

function notOwn(what: string): never {
  throw new Error(`Tracked properties can only reference its own action's inputs and outputs, trigger inputs and outputs and parameters, not ${what}.`);
}
