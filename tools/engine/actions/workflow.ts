import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { inputsObject, isObject, textOf } from './values.js';

/**
 * Workflow ("Run a Child Flow"): runs the flow `host.workflowReferenceName` with `body` as its
 * trigger body. Outputs are the child's Response ({statusCode, headers, body}); the child's run is
 * linked from this action. A child that fails, or answers with 4xx/5xx, fails the action.
 */
export const workflow: ActionType = {
  type: 'Workflow',
  validate(definition, report) {
    const host = (definition.inputs as { host?: Record<string, unknown> } | undefined)?.host;
    if (!isObject(host) || host.workflowReferenceName === undefined) report('"inputs.host.workflowReferenceName" is required', ['inputs', 'host', 'workflowReferenceName']);
  },
  async run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    const reference = textOf((inputs.host as Record<string, unknown>).workflowReferenceName).replace(/[{}]/g, '').toLowerCase();
    const runChild = execution.run.services.runChildFlow;
    if (!runChild) throw new ActionFailure('WorkflowNotFound', `Action '${execution.name}' calls child flow '${reference}', but no child flows were given (pass a solution, or childFlows to runFlow).`);
    const headers: Record<string, string> = {};
    if (isObject(inputs.headers)) for (const [k, v] of Object.entries(inputs.headers)) headers[k] = textOf(v);
    const child = await runChild(reference, inputs.body, headers, { runId: execution.run.id, action: execution.name });
    if (!child) throw new ActionFailure('WorkflowNotFound', `The child flow '${reference}' called by action '${execution.name}' was not found.`);
    execution.record.childRunId = child.history.runId;
    if (child.response) {
      const outputs = { statusCode: child.response.statusCode, headers: child.response.headers, body: child.response.body };
      if (child.response.statusCode >= 400) throw new ActionFailure('ChildFlowFailed', `The child flow '${reference}' responded with status code ${child.response.statusCode}.`, outputs);
      return { inputs, outputs };
    }
    if (child.status === 'Failed' || child.status === 'Cancelled') {
      throw new ActionFailure(child.error?.code ?? 'ChildFlowFailed', child.error?.message ?? `The child flow '${reference}' ended ${child.status} without responding.`);
    }
    throw new ActionFailure('NoResponse', `The child flow '${reference}' ended without a Response or "Respond to a PowerApp or flow" action; the parent needs one to continue.`);
  },
};
