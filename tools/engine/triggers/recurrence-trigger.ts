import { recurrenceTimes } from './recurrence.js';
import type { TriggerType } from './trigger-type.js';

const FREQUENCIES = ['second', 'minute', 'hour', 'day', 'week', 'month'];

/** Recurrence: fires on a schedule; the Scheduler computes when, each run records its scheduled time. */
export const recurrence: TriggerType = {
  type: 'Recurrence',
  validate(definition, report) {
    const rec = definition.recurrence;
    if (!rec || typeof rec !== 'object') {
      report('a Recurrence trigger needs "recurrence" {frequency, interval}', ['recurrence']);
      return;
    }
    if (!FREQUENCIES.includes(String(rec.frequency).toLowerCase())) report('"recurrence.frequency" must be Second, Minute, Hour, Day, Week or Month', ['recurrence', 'frequency']);
    if (!Number.isInteger(Number(rec.interval ?? 1)) || Number(rec.interval ?? 1) < 1) report('"recurrence.interval" must be a positive whole number', ['recurrence', 'interval']);
    try {
      recurrenceTimes(rec, 0, 1, 1);
    } catch (error) {
      report((error as Error).message, ['recurrence']);
    }
  },
  fire(definition, payload, now) {
    const scheduled = payload && typeof payload === 'object' && typeof (payload as { scheduledTime?: unknown }).scheduledTime === 'string' ? (payload as { scheduledTime: string }).scheduledTime : new Date(now).toISOString();
    return { inputs: { recurrence: definition.recurrence }, outputs: { headers: {}, body: {} }, scheduledTime: scheduled };
  },
};
