import { basename, dirname, extname, join, resolve } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { readJsonFile } from '../../core/read-input.js';
import { stableStringify } from '../../core/stable-json.js';
import { FakeClock } from '../../engine/clock.js';
import { readConnectionsFile } from '../../engine/connectors/connections.js';
import { loadWorkflow } from '../../engine/definition/load-workflow.js';
import { parameterValuesFromJson } from '../../engine/definition/parameters.js';
import { writeHistoryFile } from '../../engine/history/serialize.js';
import { runSummary, runTable } from '../../engine/outputs/run-summary.js';
import type { RunResult } from '../../engine/runner.js';
import { runTriggered } from '../../engine/triggers/split-on.js';
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
        .option('--history <out.json>', 'write the run history (every action, its inputs, outputs, retries, tracked properties, child runs) to this file; with splitOn one file per run: out-1.json, out-2.json, ...')
        .option('--json', 'print {status, outputs, actions, error} as JSON; with a splitOn trigger {status, splitOn, runs: [{runId, status, outputs, actions, error}, ...]} (status Failed if any run failed)')
        .addHelpText(
          'after',
          '\nA trigger with splitOn (e.g. "@triggerBody()?[\'value\']") debatches the --trigger payload: one run per array item, whose\n' +
            'triggerBody() is the item; every run is reported and the exit code is 1 if any failed. When splitOn gives no array the\n' +
            'trigger fails (one Failed run, no actions); an empty array starts no run. A Request trigger with splitOn answers its\n' +
            'caller 202 Accepted at once in the service: the runs\' Response actions answer nobody.\n',
        ),
      'ppkit flow run Workflows/ChildAdminSyncLogs-751183FC-DB68-EA11-A811-000D3A31CF04.json --trigger payload.json --connections connections.json',
      'ppkit flow run dist/solution/CenterofExcellenceAuditLogs_managed.zip#"Admin | Sync Audit Logs" --now 2024-05-01T00:00:00Z --history run.json',
      'ppkit flow run flow.json --json | jq .status',
      'ppkit flow run debatch.json --trigger batch.json --json | jq \'.runs[] | {runId, status}\'',
    ).action(
      context.action(async (flow: string, options: FlowRunOptions) => {
        const now = options.now === undefined ? Date.now() : Date.parse(options.now);
        if (!Number.isFinite(now)) throw new UsageError(`--now: expected an ISO 8601 time such as 2024-05-01T00:00:00Z, got "${options.now}"`);
        const loaded = await loadWorkflow(flow);
        const trigger = options.trigger ? readJsonFile(options.trigger) : undefined;
        const connections = options.connections ? readConnectionsFile(options.connections) : {};
        const parameters = options.parameters ? parameterValuesFromJson(readJsonFile(options.parameters), options.parameters) : {};
        const fired = await runTriggered({
          workflow: loaded.workflow,
          childFlows: loaded.solution?.workflows,
          trigger,
          connections,
          connectionsBaseDir: options.connections ? dirname(resolve(options.connections)) : process.cwd(),
          parameters,
          clock: new FakeClock(now),
        });
        const name = loaded.workflow.name;
        if (fired.splitOn === undefined) {
          const result = fired.runs[0] as RunResult;
          if (options.history) writeHistoryFile(result.history, options.history);
          if (options.json) context.io.stdout(stableStringify(runSummary(result)));
          else printRun(context.io.stdout, name, result, options.history);
          return result.status === 'Failed' ? 1 : 0;
        }
        const failed = fired.runs.some((run) => run.status === 'Failed');
        const histories = fired.runs.map((run, i) => ({ run, file: options.history ? numberedPath(options.history, i + 1) : undefined }));
        for (const { run, file } of histories) if (file) writeHistoryFile(run.history, file);
        if (options.json) {
          context.io.stdout(stableStringify({ status: failed ? 'Failed' : 'Succeeded', splitOn: fired.splitOn, runs: fired.runs.map((run) => ({ runId: run.runId, ...runSummary(run) })) }));
        } else {
          const counts = new Map<string, number>();
          for (const run of fired.runs) counts.set(run.status, (counts.get(run.status) ?? 0) + 1);
          const tally = [...counts].map(([status, n]) => `${n} ${status}`).join(', ');
          context.io.stdout(`${name}: splitOn ${fired.splitOn} started ${fired.runs.length} run${fired.runs.length === 1 ? '' : 's'}${tally ? ` (${tally})` : ''}\n`);
          histories.forEach(({ run, file }, i) => printRun(context.io.stdout, `${name} [${i + 1}/${fired.runs.length}]`, run, file));
        }
        return failed ? 1 : 0;
      }),
    );
  },
};

/** The text report of one run: its status line, the per-action table, outputs, where its history went. */
function printRun(write: (text: string) => void, title: string, result: RunResult, historyFile: string | undefined): void {
  write(`${title}: run ${result.runId} ${result.status}${result.error ? ` (${result.error.code}: ${result.error.message})` : ''}\n`);
  if (result.history.size > 0) write(`${runTable(result)}\n`);
  if (Object.keys(result.outputs).length > 0) write(`outputs: ${JSON.stringify(result.outputs)}\n`);
  if (historyFile) write(`history written to ${historyFile}\n`);
}

/** `run.json` -> `run-2.json`: the history file of the n-th run of a split firing. */
function numberedPath(path: string, n: number): string {
  const extension = extname(path);
  return join(dirname(path), `${basename(path, extension)}-${n}${extension}`);
}
