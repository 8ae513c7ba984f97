import type { RunStatus } from '../../expressions/context.js';
import type { Clock } from '../clock.js';
import type { LoadedWorkflow } from '../definition/types.js';
import type { Plan } from '../definition/plan.js';
import type { ActionError, ActionRun } from '../history/action-run.js';
import type { RunHistory } from '../history/run-history.js';
import type { RunServices } from './services.js';
import { TurnScheduler } from './turns.js';

/** A variable as InitializeVariable declared it: the declared type is kept for Set/Append checks. */
export interface Variable {
  name: string;
  type: string;
  value: unknown;
  /** Set when an expression read an array value: the next append copies it first. */
  shared?: boolean;
}

/** Everything one run of one flow holds. */
export class RunState {
  readonly variables = new Map<string, Variable>();
  readonly turns = new TurnScheduler();
  /** Last record of each action name, for references from outside the action's own frame. */
  readonly latest = new Map<string, ActionRun>();
  terminated: { status: RunStatus; error?: ActionError; by: string } | undefined;
  /** What the Response / "Respond to a PowerApp or flow" action returned. */
  response: { statusCode: number; headers: Record<string, string>; body: unknown; by: string } | undefined;
  trigger: ActionRun | undefined;

  constructor(
    readonly id: string,
    readonly workflow: LoadedWorkflow,
    readonly plan: Plan,
    readonly parameters: ReadonlyMap<string, unknown>,
    readonly clock: Clock,
    readonly history: RunHistory,
    readonly services: RunServices,
    /** How many parent flows called this one (child flow nesting). */
    readonly depth: number,
  ) {}
}

