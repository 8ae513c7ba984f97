import { parseIsoDuration } from '../clock.js';
import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { evaluateCondition } from './condition-expression.js';
import { containerOutcome } from './container-status.js';
import { wdlTypeName } from './values.js';
import type { GraphResult } from '../run-graph.js';
import type { Frame } from '../context/frame.js';

export const UNTIL_DEFAULT_COUNT = 60;
export const UNTIL_MAX_COUNT = 5000;
export const UNTIL_DEFAULT_TIMEOUT = 'PT1H';

/**
 * Until (Do until): runs its actions, then checks `expression` (do-while), until it is true or a
 * limit is reached: `limit.count` iterations (default 60, at most 5,000) or `limit.timeout`
 * (default PT1H, checked before each new cycle). Hitting a limit ends Succeeded, or TimedOut with
 * the `FailWhenLimitsReached` operation option. A failed iteration stops and fails the loop.
 */
export const until: ActionType = {
  type: 'Until',
  container: true,
  branches: (definition) => [{ key: 'actions', path: ['actions'], actions: definition.actions ?? {} }],
  validate(definition, report) {
    if (definition.expression === undefined) report('an Until needs an "expression"', ['expression']);
    const timeout = definition.limit?.timeout;
    if (typeof timeout === 'string' && !timeout.startsWith('@') && parseIsoDuration(timeout) === undefined) report(`limit.timeout "${timeout}" is not an ISO 8601 duration`, ['limit', 'timeout']);
  },
  async run(execution) {
    const definition = execution.action.definition;
    const limit = (execution.evaluate('limit', definition.limit ?? {}) ?? {}) as { count?: unknown; timeout?: unknown };
    const count = limit.count === undefined || limit.count === null || limit.count === '' ? UNTIL_DEFAULT_COUNT : Number(limit.count);
    if (!Number.isInteger(count) || count < 1 || count > UNTIL_MAX_COUNT) throw new ActionFailure('InvalidTemplate', `The 'limit.count' of action '${execution.name}' must be an integer from 1 to ${UNTIL_MAX_COUNT}; got ${wdlTypeName(limit.count)} ${JSON.stringify(limit.count)}.`);
    const timeoutText = limit.timeout === undefined || limit.timeout === '' ? UNTIL_DEFAULT_TIMEOUT : limit.timeout;
    const timeout = parseIsoDuration(timeoutText);
    if (timeout === undefined) throw new ActionFailure('InvalidTemplate', `The 'limit.timeout' of action '${execution.name}' is not an ISO 8601 duration: ${JSON.stringify(timeoutText)}.`);
    const start = execution.record.start;
    let time = start;
    let lastResult: GraphResult = { status: 'Succeeded', end: start, frame: undefined };
    let index = 0;
    let done = false;
    for (; index < count; index++) {
      if (index > 0 && time - start >= timeout) break;
      lastResult = await execution.runIteration('until', undefined, index, time);
      const frame = lastResult.frame as Frame;
      time = lastResult.end;
      if (lastResult.status === 'Failed' || execution.run.terminated) break;
      execution.run.clock.setTime?.(time);
      if (evaluateCondition(execution.action, definition.expression, frame)) {
        done = true;
        break;
      }
    }
    const iterations = Math.min(index + 1, count);
    const outcome = containerOutcome(execution.record, lastResult, { inputs: { iterations, limit: { count, timeout: timeoutText } } }, true);
    if (outcome.status === 'Succeeded' && !done && /FailWhenLimitsReached/i.test(definition.operationOptions ?? '')) {
      return { ...outcome, status: 'TimedOut', error: { code: 'ActionTimedOut', message: `The Until action '${execution.name}' reached its limits (count ${count}, timeout ${timeoutText}) before its condition was true.` } };
    }
    return outcome;
  },
};
