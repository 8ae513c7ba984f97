/**
 * Engine behaviour that real exports depend on and the engine does not have yet. Each case is cut down
 * from a real flow among the fixtures (named in the test) and marked `it.fails` while the gap is open:
 * when the engine is fixed the test starts passing, vitest reports it, and the mark comes off.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyToJson, loadWorkflow, planWorkflow, runFlow, workflowFromJson } from '../../tools/engine/index.js';
import { FIXTURES } from './fixtures.js';

const NOW = '2026-11-20T12:00:00Z';
const S = ['Succeeded'];

async function run(actions: Record<string, unknown>) {
  const workflow = workflowFromJson({ definition: { triggers: { manual: { type: 'Request', kind: 'Button', inputs: {} } }, actions } }, 'gap.json', 'gap');
  const result = await runFlow({ workflow, now: NOW, trigger: { headers: {}, body: {} } });
  const actionsRun = (historyToJson(result.history) as { actions: { name: string; status: string; outputs?: unknown }[] }).actions;
  return { result, outputsOf: (name: string) => actionsRun.filter((a) => a.name === name).map((a) => a.outputs) };
}

describe('engine gaps found on real flows', () => {
  // powerautomate-samples/Task2Calendarpublisher (a solution export that saved and ran in Power Automate)
  // reads `body('get_default_calendar_id')` from the action `Get_default_calendar_id` and
  // `items('Iterate_over_all_my_planner_tasks')` inside `Iterate_over_all_my_Planner_tasks`. Cause:
  // tools/engine/context/frame.ts looks actions up by exact name (`Frame.find` via `plan.actions.get(name)`,
  // `Frame.items` compares `loopName === name`) where the service ignores case.
  it.fails("body('x') and items('x') find the action or loop named in another letter case", async () => {
    const { result, outputsOf } = await run({
      Get_default_calendar_id: { type: 'Compose', runAfter: {}, inputs: { id: 'AAMkAD' } },
      Initialize_variable: { type: 'InitializeVariable', runAfter: { Get_default_calendar_id: S }, inputs: { variables: [{ name: 'calendar-id', type: 'string', value: "@{body('get_default_calendar_id')?['id']}" }] } },
      Iterate_over_all_my_Planner_tasks: {
        type: 'Foreach', foreach: "@createArray('a', 'b')", runAfter: { Initialize_variable: S },
        actions: { Title: { type: 'Compose', runAfter: {}, inputs: "@concat(variables('calendar-id'), '/', items('Iterate_over_all_my_planner_tasks'))" } },
      },
    });
    expect(result.status).toBe('Succeeded');
    expect(outputsOf('Title')).toEqual(['AAMkAD/a', 'AAMkAD/b']);
  });

  // powerautomate-samples/Outlook-check-if-meeting-conflicts-with-lunch: Outlook's "When an event is
  // added, updated or deleted (V3)" is exported as `"type": "OpenApiConnectionNotification"` (the type
  // Power Automate writes for connector triggers that subscribe to notifications), with splitOn and
  // trigger conditions. Cause: tools/engine/triggers/index.ts registers Recurrence, Request,
  // OpenApiConnection, OpenApiConnectionWebhook, ApiConnection, ApiConnectionWebhook only, so
  // planWorkflow throws DefinitionError 'unknown type "OpenApiConnectionNotification"' before anything runs.
  it.fails('plans a flow whose trigger is an OpenApiConnectionNotification (Outlook V3 event trigger)', async () => {
    const { workflow } = await loadWorkflow(join(FIXTURES, 'powerautomate-samples/Outlook-check-if-meeting-conflicts-with-lunch/Microsoft.Flow/flows/04e61882-79fa-4668-803e-b26699ee94ab/definition.json'));
    expect(planWorkflow(workflow).actions.size).toBe(7);
  });
});
