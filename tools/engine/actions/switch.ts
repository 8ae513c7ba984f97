import { LIMITS } from '../definition/plan.js';
import type { ActionType } from './action-type.js';
import { containerOutcome } from './container-status.js';
import { andThen } from '../sync-or-async.js';
import { ActionFailure } from '../errors.js';
import { wdlTypeName } from './values.js';

/** Switch: runs the case whose `case` equals the expression's value (strings compare exactly), else `default`. */
export const switchAction: ActionType = {
  type: 'Switch',
  container: true,
  branches: (definition) => [
    ...Object.entries(definition.cases ?? {}).map(([name, c]) => ({ key: `case:${name}`, path: ['cases', name, 'actions'], actions: c?.actions ?? {} })),
    { key: 'default', path: ['default', 'actions'], actions: definition.default?.actions ?? {} },
  ],
  validate(definition, report) {
    if (definition.expression === undefined) report('a Switch needs an "expression"', ['expression']);
    const cases = Object.entries(definition.cases ?? {});
    if (cases.length > LIMITS.switchCases) report(`a Switch may have ${LIMITS.switchCases} cases; this one has ${cases.length}`, ['cases']);
    const seen = new Map<string, string>();
    for (const [name, c] of cases) {
      const key = JSON.stringify(c?.case);
      if (c?.case === undefined) report(`case "${name}" has no "case" value`, ['cases', name]);
      else if (seen.has(key)) report(`cases "${seen.get(key)}" and "${name}" have the same value ${key}`, ['cases', name, 'case']);
      else seen.set(key, name);
    }
  },
  run(execution) {
    const value = execution.evaluate('expression', execution.action.definition.expression);
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new ActionFailure('InvalidTemplate', `The 'expression' of Switch action '${execution.name}' must evaluate to a String or an Integer; it returned a value of type '${wdlTypeName(value)}'.`);
    }
    const match = Object.entries(execution.action.definition.cases ?? {}).find(([, c]) => c.case === value || (typeof c.case === 'number' && String(c.case) === String(value)));
    const key = match ? `case:${match[0]}` : 'default';
    // The other cases' (and default's) actions are recorded Skipped in definition order around the branch that runs.
    execution.skipBranchesNotTaken(key, false);
    return andThen(execution.runBranch(key, execution.record.start), (branch) => {
      execution.skipBranchesNotTaken(key, true);
      return containerOutcome(execution.record, branch, { inputs: { expressionValue: value }, outputs: { caseName: match?.[0] ?? 'default' } });
    });
  },
};
