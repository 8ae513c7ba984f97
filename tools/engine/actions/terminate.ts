import type { RunStatus } from '../../expressions/context.js';
import type { ActionType } from './action-type.js';
import { inputsObject, isObject, textOf } from './values.js';

const RUN_STATUSES: readonly RunStatus[] = ['Failed', 'Cancelled', 'Succeeded'];

/**
 * Terminate: stops the run with the given status; actions not yet run are skipped, finished ones
 * keep their status. `runError` is used only when the status is Failed.
 */
export const terminate: ActionType = {
  type: 'Terminate',
  validate(definition, report) {
    const status = (definition.inputs as { runStatus?: unknown } | undefined)?.runStatus;
    if (typeof status !== 'string' || !RUN_STATUSES.some((s) => s.toLowerCase() === status.toLowerCase())) {
      report(`"inputs.runStatus" must be one of ${RUN_STATUSES.join(', ')}`, ['inputs', 'runStatus']);
    }
  },
  run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const status = RUN_STATUSES.find((s) => s.toLowerCase() === String(inputs.runStatus).toLowerCase()) ?? 'Failed';
    const runError = isObject(inputs.runError) ? inputs.runError : undefined;
    execution.run.terminated = {
      status,
      by: execution.name,
      error: status === 'Failed' ? { code: textOf(runError?.code) || 'Terminated', message: textOf(runError?.message) || `The run was terminated by action '${execution.name}' with status 'Failed'.` } : undefined,
    };
    return { inputs };
  },
};
