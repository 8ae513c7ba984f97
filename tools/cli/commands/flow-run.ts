import { dirname, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { readJsonFile } from '../../core/read-input.js';
import { stableStringify } from '../../core/stable-json.js';
import { FakeClock } from '../../engine/clock.js';
import { readConnectionsFile } from '../../engine/connectors/connections.js';
import { loadWorkflow } from '../../engine/definition/load-workflow.js';
import { parameterValuesFromJson } from '../../engine/definition/parameters.js';
import { writeHistoryFile } from '../../engine/history/serialize.js';
import { runSummary, runTable } from '../../engine/outputs/run-summary.js';
import { runFlow } from '../../engine/runner.js';
import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { FLOW_GROUP_DESCRIPTION, FLOW_GROUP_EXAMPLES } from './flow-render.js';

interface FlowRunOptions {
  trigger?: string;
  connections?: string;
  parameters?: string;
  now?: string;
  history?: string;
  json?: boolean;
}

/** `ppkit flow run`: runs a flow locally, unchanged, against the services its connections are bound to. */
export const flowRunCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'flow', FLOW_GROUP_DESCRIPTION, ...FLOW_GROUP_EXAMPLES);
    withExamples(
      group
        .command('run')
        .description('run a flow locally: a workflow .json (solution Workflows/*.json or a bare definition) or solution.zip#FlowName')
        .argument('<flow>', 'workflow JSON file, solution zip or folder with #FlowName')
        .option('--trigger <payload.json>', 'trigger payload: {headers, body} or the body itself')
        .option('--connections <map.json>', 'connection bindings: {"<reference or api name>": {baseUrl, swagger?, auth?}}')
        .option('--parameters <values.json>', 'parameter / environment variable values ({name: value}, ARM parameters or deploymentSettings.json)')
        .option('--now <ISO time>', 'pin the clock: the run starts at this time (the clock is always virtual: Delays and retries do not really wait)')
        .option('--history <out.json>', 'write the run history (every action, its inputs, outputs, retries, child runs) to this file')
        .option('--json', 'print {status, outputs, actions, error} as JSON'),
      'ppkit flow run Workflows/ChildAdminSyncLogs-751183FC-DB68-EA11-A811-000D3A31CF04.json --trigger payload.json --connections connections.json',
      'ppkit flow run dist/solution/CenterofExcellenceAuditLogs_managed.zip#"Admin | Sync Audit Logs" --now 2024-05-01T00:00:00Z --history run.json',
      'ppkit flow run flow.json --json | jq .status',
    ).action(
      context.action(async (flow: string, options: FlowRunOptions) => {
        const now = options.now === undefined ? Date.now() : Date.parse(options.now);
        if (!Number.isFinite(now)) throw new UsageError(`--now: expected an ISO 8601 time such as 2024-05-01T00:00:00Z, got "${options.now}"`);
        const loaded = await loadWorkflow(flow);
        const trigger = options.trigger ? readJsonFile(options.trigger) : undefined;
        const connections = options.connections ? readConnectionsFile(options.connections) : {};
        const parameters = options.parameters ? parameterValuesFromJson(readJsonFile(options.parameters), options.parameters) : {};
        const result = await runFlow({
          workflow: loaded.workflow,
          childFlows: loaded.solution?.workflows,
          trigger,
          connections,
          connectionsBaseDir: options.connections ? dirname(resolve(options.connections)) : process.cwd(),
          parameters,
          clock: new FakeClock(now),
        });
        if (options.history) writeHistoryFile(result.history, options.history);
        if (options.json) {
          context.io.stdout(stableStringify(runSummary(result)));
        } else {
          context.io.stdout(`${loaded.workflow.name}: run ${result.runId} ${result.status}${result.error ? ` (${result.error.code}: ${result.error.message})` : ''}\n`);
          context.io.stdout(`${runTable(result)}\n`);
          if (Object.keys(result.outputs).length > 0) context.io.stdout(`outputs: ${JSON.stringify(result.outputs)}\n`);
          if (options.history) context.io.stdout(`history written to ${options.history}\n`);
        }
        return result.status === 'Failed' ? 1 : 0;
      }),
    );
  },
};
