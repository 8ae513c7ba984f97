import type { ActionRecord, EvaluationContext } from '../../expressions/context.js';
import type { Frame } from './run-state.js';

/**
 * The expression language's view of a run (tools/expressions/context.ts): parameters, variables,
 * action records, loop items and the clock, all read through the frame the expression runs in.
 */
export class RunContext implements EvaluationContext {
  constructor(private readonly frame: Frame) {}

  now(): Date {
    return new Date(this.frame.run.clock.now());
  }

  parameter(name: string): unknown {
    return this.frame.run.parameters.get(name);
  }

  hasParameter(name: string): boolean {
    return this.frame.run.parameters.has(name);
  }

  variable(name: string): unknown {
    const variable = this.frame.run.variables.get(name);
    if (variable && variable.type === 'array') variable.shared = true;
    return variable?.value;
  }

  hasVariable(name: string): boolean {
    return this.frame.run.variables.has(name);
  }

  action(name: string): ActionRecord | undefined {
    return this.frame.find(name);
  }

  trigger(): ActionRecord | undefined {
    return this.frame.run.trigger;
  }

  item(): unknown {
    for (let frame: Frame | undefined = this.frame; frame; frame = frame.parent) {
      if (frame.loop && frame.loop.kind !== 'until') return frame.loop.item;
    }
    return undefined;
  }

  items(loopName: string): unknown {
    for (let frame: Frame | undefined = this.frame; frame; frame = frame.parent) {
      if (frame.loop?.kind === 'foreach' && frame.loop.name === loopName) return frame.loop.item;
    }
    return undefined;
  }

  iterationIndexes(loopName: string): number | undefined {
    for (let frame: Frame | undefined = this.frame; frame; frame = frame.parent) {
      if (frame.loop?.kind === 'until' && frame.loop.name === loopName) return frame.loop.index;
    }
    return undefined;
  }

  result(scopeName: string): ActionRecord[] | undefined {
    const container = this.frame.find(scopeName) as (ActionRecord & { resultRecords?: Array<{ toRecord(): ActionRecord }> }) | undefined;
    return container?.resultRecords?.map((record) => record.toRecord());
  }

  workflow(): unknown {
    const run = this.frame.run;
    const id = run.workflow.id ?? run.workflow.name;
    return {
      id: `/workflows/${id}`,
      name: id,
      type: 'Microsoft.Logic/workflows',
      location: 'local',
      tags: { flowDisplayName: run.workflow.name, environmentName: 'local', logicAppName: id },
      run: { id: `/workflows/${id}/runs/${run.id}`, name: run.id, type: 'Microsoft.Logic/workflows/runs' },
    };
  }
}
