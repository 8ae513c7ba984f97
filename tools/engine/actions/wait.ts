import { ActionFailure } from '../errors.js';
import type { ActionType } from './action-type.js';
import { inputsObject, isObject } from './values.js';

const UNIT_MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };

/**
 * Wait (Delay / Delay until): `interval {count, unit}` or `until {timestamp}`. On a fake clock the
 * time jumps; nothing really sleeps.
 */
export const wait: ActionType = {
  type: 'Wait',
  async run(execution) {
    const inputs = inputsObject(execution.inputs(), execution.name);
    let ms: number;
    if (isObject(inputs.interval)) {
      const count = Number(inputs.interval.count);
      const unit = String(inputs.interval.unit ?? '').toLowerCase();
      if (!Number.isFinite(count) || count < 0) throw new ActionFailure('InvalidTemplate', `The 'interval.count' of action '${execution.name}' must be a positive number.`);
      if (unit === 'month') {
        const target = new Date(execution.now());
        target.setUTCMonth(target.getUTCMonth() + count);
        ms = target.getTime() - execution.now();
      } else if (UNIT_MS[unit] !== undefined) {
        ms = count * (UNIT_MS[unit] as number);
      } else {
        throw new ActionFailure('InvalidTemplate', `The 'interval.unit' of action '${execution.name}' must be Second, Minute, Hour, Day, Week or Month.`);
      }
    } else if (isObject(inputs.until)) {
      const target = Date.parse(String(inputs.until.timestamp));
      if (!Number.isFinite(target)) throw new ActionFailure('InvalidTemplate', `The 'until.timestamp' of action '${execution.name}' is not a valid time.`);
      ms = Math.max(0, target - execution.now());
    } else {
      throw new ActionFailure('InvalidTemplate', `Action '${execution.name}' needs "interval" {count, unit} or "until" {timestamp}.`);
    }
    await execution.sleep(ms);
    return { inputs };
  },
};
