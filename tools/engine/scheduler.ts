import { FakeClock } from './clock.js';
import { loadWorkflow } from './definition/load-workflow.js';
import type { LoadedWorkflow } from './definition/types.js';
import { ConnectionResolver } from './connectors/connections.js';
import { recurrenceTimes } from './triggers/recurrence.js';
import type { RunFlowOptions, RunResult } from './runner.js';
import { runTriggered } from './triggers/split-on.js';
import { InputError } from '../core/errors.js';

export interface ScheduleOptions extends Omit<RunFlowOptions, 'clock' | 'now' | 'trigger'> {
  /** Span to simulate: occurrences in [from, to). */
  from: string | Date | number;
  to: string | Date | number;
  /** Stop after this many runs (a guard for Second recurrences over long spans). */
  maxRuns?: number;
  /**
   * A polling trigger (a connector trigger with a `recurrence`): what its poll at each occurrence
   * returned, `{headers?, body}` or the body; undefined when the poll found nothing (no run).
   */
  poll?(scheduledTime: string): unknown | Promise<unknown>;
  /** Called after each run, e.g. to check the mock services' state between runs. */
  onRun?(result: RunResult, index: number): void | Promise<void>;
}

/**
 * Runs a Recurrence flow at every occurrence of its schedule within a time span, on a fake clock:
 * days of recurrences finish in milliseconds. Runs go one after the other; a run that takes
 * longer (Delays, retries) than the gap to the next occurrence pushes nothing: each run starts at
 * its own scheduled time, as the service starts overlapping runs independently.
 */
export class Scheduler {
  constructor(private readonly options: ScheduleOptions) {}

  /** The occurrence times of the flow's Recurrence trigger in the span. */
  async occurrences(): Promise<number[]> {
    const workflow = await this.workflow();
    const trigger = Object.values(workflow.definition.triggers ?? {})[0];
    if (!trigger?.recurrence) {
      throw new InputError(`flow "${workflow.name}" has no Recurrence trigger (or polling trigger with a recurrence) to schedule`, { file: workflow.file });
    }
    if (trigger.type.toLowerCase() !== 'recurrence' && !this.options.poll) {
      throw new InputError(`flow "${workflow.name}" has a polling ${trigger.type} trigger: give the Scheduler a poll() that returns what each poll got`, { file: workflow.file });
    }
    return recurrenceTimes(trigger.recurrence, toMs(this.options.from), toMs(this.options.to), this.options.maxRuns ?? 100_000);
  }

  async run(): Promise<RunResult[]> {
    const workflow = await this.workflow();
    const times = await this.occurrences();
    const clock = new FakeClock(times[0] ?? toMs(this.options.from));
    const connections = this.options.connections instanceof ConnectionResolver ? this.options.connections : new ConnectionResolver(this.options.connections ?? {}, this.options.connectionsBaseDir);
    const results: RunResult[] = [];
    const recurrence = Object.values(workflow.definition.triggers ?? {})[0]?.type.toLowerCase() === 'recurrence';
    for (const time of times) {
      clock.setTime(time);
      const scheduledTime = new Date(time).toISOString();
      const payload = recurrence ? { scheduledTime } : await this.options.poll?.(scheduledTime);
      if (payload === undefined) continue;
      // A trigger with splitOn starts a run per item of each firing (triggers/split-on.ts).
      const fired = await runTriggered({ ...this.options, workflow, connections, clock, childFlows: this.options.childFlows ?? this.children, trigger: payload });
      for (const result of fired.runs) {
        results.push(result);
        await this.options.onRun?.(result, results.length - 1);
      }
    }
    return results;
  }

  private loaded: LoadedWorkflow | undefined;
  private children: readonly LoadedWorkflow[] | undefined;

  private async workflow(): Promise<LoadedWorkflow> {
    if (this.loaded) return this.loaded;
    if (this.options.workflow) return (this.loaded = this.options.workflow);
    if (this.options.definition) return (this.loaded = { name: 'flow', definition: this.options.definition, connectionReferences: this.options.connectionReferences ?? {}, definitionPointer: '' });
    if (!this.options.workflowFile) throw new InputError('Scheduler needs a workflow, a definition or a workflowFile');
    const loaded = await loadWorkflow(this.options.workflowFile);
    this.children = loaded.solution?.workflows;
    return (this.loaded = loaded.workflow);
  }
}

function toMs(value: string | Date | number): number {
  const ms = typeof value === 'number' ? value : new Date(value).getTime();
  if (!Number.isFinite(ms)) throw new InputError(`not a valid time: ${String(value)}`);
  return ms;
}
