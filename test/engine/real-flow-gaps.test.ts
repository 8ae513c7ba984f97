/**
 * Behaviour real exported flows depend on: action and loop names matched ignoring case, connector
 * notification triggers (OpenApiConnectionNotification), and workflow() tags of a solution flow.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkflow, runFlow, runSummary, runTriggered, workflowFromJson, type WorkflowDefinition } from '../../tools/engine/index.js';

const NOW = '2026-11-20T12:00:00Z';
const S = ['Succeeded'];
const REALWORLD = join(import.meta.dirname, '..', 'realworld', 'fixtures');

async function run(actions: WorkflowDefinition['actions']) {
  const result = await runFlow({ definition: { triggers: { manual: { type: 'Request', kind: 'Button', inputs: {} } }, actions }, now: NOW, trigger: { headers: {}, body: {} } });
  return { result, summary: runSummary(result) };
}

describe('action and loop names ignore letter case', () => {
  const source: WorkflowDefinition['actions'] = {
    Get_Item: { type: 'ParseJson', runAfter: {}, inputs: { content: { id: 7 }, schema: {} } },
    My_Scope: { type: 'Scope', runAfter: { Get_Item: S }, actions: { Inner: { type: 'Compose', inputs: 'in scope' } } },
  };

  it.each([
    ['body()', "@body('get_item')?['id']", 7],
    ['outputs()', "@outputs('GET_ITEM')?['body']?['id']", 7],
    ['actions()', "@actions('get_ITEM')?['status']", 'Succeeded'],
    ['result()', "@result('my_scope')[0]['name']", 'Inner'],
    ['the exact name', "@body('Get_Item')?['id']", 7],
  ])('%s finds the action named in another case', async (_name, expression, expected) => {
    const { result, summary } = await run({ ...source, Read: { type: 'Compose', runAfter: { My_Scope: S }, inputs: expression } });
    expect(result.status).toBe('Succeeded');
    expect(summary.actions.Read?.outputs).toEqual(expected);
  });

  it('items() and iterationIndexes() find the enclosing Foreach and Until in another case', async () => {
    const { result, summary } = await run({
      Outer_Loop: {
        type: 'Foreach', foreach: "@createArray('a', 'b')", runAfter: {},
        actions: {
          Retry_Until: {
            type: 'Until', expression: "@equals(iterationIndexes('retry_until'), 1)", limit: { count: 5 }, runAfter: {},
            actions: { Step: { type: 'Compose', inputs: "@concat(items('outer_loop'), iterationIndexes('RETRY_UNTIL'))" } },
          },
        },
      },
    });
    expect(result.status).toBe('Succeeded');
    // Foreach iterations run side by side (default concurrency), so the order of the records varies.
    expect(summary.actions.Step?.iterations?.map((i) => i.outputs).sort()).toEqual(['a0', 'a1', 'b0', 'b1']);
  });

  it('a name no action has, in any case, still fails the expression as the service does', async () => {
    const { result, summary } = await run({ Read: { type: 'Compose', runAfter: {}, inputs: "@body('No_Such_Action')" } });
    expect(result.status).toBe('Failed');
    expect(summary.actions.Read?.error).toMatchObject({ code: 'InvalidTemplate', message: expect.stringContaining("'No_Such_Action' does not exist") });
  });
});

describe('OpenApiConnectionNotification trigger (Outlook "When an event is added, updated or deleted (V3)")', () => {
  const OUTLOOK = join(REALWORLD, 'powerautomate-samples/Outlook-check-if-meeting-conflicts-with-lunch/Microsoft.Flow/flows/04e61882-79fa-4668-803e-b26699ee94ab/definition.json');

  it('runs with the caller-given notification: splitOn debatches the events and the trigger condition skips deleted ones', async () => {
    const { workflow } = await loadWorkflow(OUTLOOK);
    const trigger = Object.values(workflow.definition.triggers ?? {})[0]!;
    expect(trigger.type).toBe('OpenApiConnectionNotification');
    // The real trigger (splitOn on body/value, condition on ActionType) with the actions cut down to what it hands them.
    const definition: WorkflowDefinition = { triggers: workflow.definition.triggers, actions: { Event: { type: 'Compose', inputs: "@concat(triggerOutputs()?['body/id'], ':', triggerOutputs()?['body/subject'])" } } };
    const fired = await runTriggered({
      definition,
      now: NOW,
      trigger: { body: { value: [{ id: 'e1', subject: 'Lunch clash', ActionType: 'added' }, { id: 'e2', subject: 'Gone', ActionType: 'deleted' }, { id: 'e3', subject: 'Moved', ActionType: 'updated' }] } },
    });
    expect(fired.runs.map((r) => r.status)).toEqual(['Succeeded', 'Skipped', 'Succeeded']);
    expect(fired.runs.map((r) => runSummary(r).actions.Event?.outputs)).toEqual(['e1:Lunch clash', undefined, 'e3:Moved']);
  });
});

describe('workflow() of a solution flow', () => {
  const GUID_FILE = 'Workflows/NotifyOwners-A2978AED-BEC7-EB11-BACC-000D3A57E461.json';
  const flow = (file: string) =>
    workflowFromJson({ properties: { displayName: 'Notify owners', definition: { triggers: { manual: { type: 'Request', kind: 'Button' } }, actions: { Me: { type: 'Compose', inputs: '@workflow()' } } } } }, file, 'fallback');

  it('tags carry the Dataverse workflow id from the file name (lower case) and the same values on every run', async () => {
    const workflow = flow(GUID_FILE);
    const first = await runFlow({ workflow, now: NOW, runId: 'run-1' });
    const again = await runFlow({ workflow, now: NOW, runId: 'run-1' });
    const me = runSummary(first).actions.Me?.outputs as { name: string; tags: Record<string, string>; run: { name: string } };
    expect(me.tags).toEqual({
      flowDisplayName: 'Notify owners',
      environmentName: 'local',
      logicAppName: 'a2978aed-bec7-eb11-bacc-000d3a57e461',
      environmentFlowSuspensionReason: 'local-None',
      sharingType: 'Coauthor',
      xrmWorkflowId: 'a2978aed-bec7-eb11-bacc-000d3a57e461',
      environmentWorkflowId: 'a2978aed-bec7-eb11-bacc-000d3a57e461',
    });
    expect(me.name).toBe('a2978aed-bec7-eb11-bacc-000d3a57e461');
    expect(me.run.name).toBe('run-1');
    expect(runSummary(again).actions.Me?.outputs).toEqual(me);
  });

  it('a flow outside a solution has no Dataverse ids in its tags', async () => {
    const result = await runFlow({ workflow: flow('notify.json'), now: NOW });
    const tags = (runSummary(result).actions.Me?.outputs as { tags: Record<string, string> }).tags;
    expect(Object.keys(tags).sort()).toEqual(['environmentFlowSuspensionReason', 'environmentName', 'flowDisplayName', 'logicAppName', 'sharingType']);
    expect(tags.sharingType).toBe('Personal');
  });
});
