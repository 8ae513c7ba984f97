import type { LoadedWorkflow } from '../definition/types.js';

/** The environment a local run pretends to be in (`workflow()?['tags']?['environmentName']`). */
export const LOCAL_ENVIRONMENT = 'local';

/**
 * `workflow().tags` as Power Automate fills them, derived from the flow alone so that every run
 * of the same flow gives the same values. A solution flow (loaded from `Workflows/<Name>-<GUID>.json`,
 * or found by its WorkflowId in customizations.xml) also carries its Dataverse workflow id:
 * `xrmWorkflowId` and `environmentWorkflowId` are that GUID in lower case, as the designer's
 * schema for `@workflow()` in the CoE ALM Accelerator's GetCurrentEnvironmentDetails lists them.
 * The suspension reason is the environment's name joined to `None` (a flow that runs is not
 * suspended); a solution flow is shared through its Dataverse record (`Coauthor`), a flow
 * outside solutions is `Personal` until shared.
 */
export function workflowTags(workflow: LoadedWorkflow): Record<string, string> {
  const logicAppName = workflow.id ?? workflow.name;
  const tags: Record<string, string> = {
    flowDisplayName: workflow.name,
    environmentName: LOCAL_ENVIRONMENT,
    logicAppName,
    environmentFlowSuspensionReason: `${LOCAL_ENVIRONMENT}-None`,
    sharingType: workflow.id ? 'Coauthor' : 'Personal',
  };
  if (workflow.id) {
    tags.xrmWorkflowId = workflow.id;
    tags.environmentWorkflowId = workflow.id;
  }
  return tags;
}
