import { describe, expect, it } from 'vitest';
import { recurrenceTimes, Scheduler, type WorkflowDefinition } from '../../tools/engine/index.js';
import type { RecurrenceDefinition } from '../../tools/engine/definition/types.js';

const iso = (times: number[]) => times.map((t) => new Date(t).toISOString());
const span = (from: string, to: string) => [Date.parse(from), Date.parse(to)] as const;

describe('Recurrence schedule', () => {
  it.each<[string, RecurrenceDefinition, readonly [number, number], string[]]>([
    ['every 6 hours from the start of the span (no startTime: first run at once)', { frequency: 'Hour', interval: 6 }, span('2024-01-01T00:00:00Z', '2024-01-02T00:00:00Z'), ['2024-01-01T00:00:00.000Z', '2024-01-01T06:00:00.000Z', '2024-01-01T12:00:00.000Z', '2024-01-01T18:00:00.000Z']],
    ['a past startTime anchors the occurrences', { frequency: 'Minute', interval: 15, startTime: '2023-12-31T23:50:00Z' }, span('2024-01-01T00:00:00Z', '2024-01-01T00:40:00Z'), ['2024-01-01T00:05:00.000Z', '2024-01-01T00:20:00.000Z', '2024-01-01T00:35:00.000Z']],
    ['daily at 02:30 in W. Europe time, across the spring DST change', { frequency: 'Day', interval: 1, startTime: '2024-03-30T02:30:00', timeZone: 'W. Europe Standard Time', schedule: { hours: [2], minutes: [30] } }, span('2024-03-30T00:00:00Z', '2024-04-02T00:00:00Z'), ['2024-03-30T01:30:00.000Z', '2024-03-31T01:30:00.000Z', '2024-04-01T00:30:00.000Z']],
    ['weekly on Monday and Friday at 9:00 and 17:00 Pacific', { frequency: 'Week', interval: 1, startTime: '2024-01-01T00:00:00', timeZone: 'Pacific Standard Time', schedule: { weekDays: ['Monday', 'Friday'], hours: [9, 17], minutes: [0] } }, span('2024-01-01T00:00:00Z', '2024-01-09T00:00:00Z'), ['2024-01-01T17:00:00.000Z', '2024-01-02T01:00:00.000Z', '2024-01-05T17:00:00.000Z', '2024-01-06T01:00:00.000Z', '2024-01-08T17:00:00.000Z']],
    ['monthly on the 31st clamps to the month end', { frequency: 'Month', interval: 1, startTime: '2024-01-31T08:00:00Z' }, span('2024-01-01T00:00:00Z', '2024-05-01T00:00:00Z'), ['2024-01-31T08:00:00.000Z', '2024-02-29T08:00:00.000Z', '2024-03-31T08:00:00.000Z', '2024-04-30T08:00:00.000Z']],
    ['every 2 days with a future startTime', { frequency: 'Day', interval: 2, startTime: '2024-01-02T12:00:00Z' }, span('2024-01-01T00:00:00Z', '2024-01-07T00:00:00Z'), ['2024-01-02T12:00:00.000Z', '2024-01-04T12:00:00.000Z', '2024-01-06T12:00:00.000Z']],
    ['every 30 seconds', { frequency: 'Second', interval: 30 }, span('2024-01-01T00:00:00Z', '2024-01-01T00:02:00Z'), ['2024-01-01T00:00:00.000Z', '2024-01-01T00:00:30.000Z', '2024-01-01T00:01:00.000Z', '2024-01-01T00:01:30.000Z']],
  ])('%s', (_name, recurrence, [from, to], expected) => {
    expect(iso(recurrenceTimes(recurrence, from, to))).toEqual(expected);
  });

  it('refuses an unknown time zone', () => {
    expect(() => recurrenceTimes({ frequency: 'Day', interval: 1, timeZone: 'Mars Standard Time' }, 0, 1)).toThrow(/unknown time zone "Mars Standard Time"/);
  });
});

describe('Scheduler', () => {
  const definition: WorkflowDefinition = {
    triggers: { Recurrence: { type: 'Recurrence', recurrence: { frequency: 'Hour', interval: 1 } } },
    actions: {
      Scheduled: { type: 'Compose', inputs: "@trigger()?['startTime']" },
      Occurrence: { type: 'Compose', inputs: "@trigger()['scheduledTime']", runAfter: { Scheduled: ['Succeeded'] } },
      Now: { type: 'Compose', inputs: '@utcNow()', runAfter: { Occurrence: ['Succeeded'] } },
      Pause: { type: 'Wait', inputs: { interval: { count: 10, unit: 'Minute' } }, runAfter: { Now: ['Succeeded'] } },
    },
    outputs: { ended: { type: 'String', value: '@utcNow()' } },
  };

  it('runs a Recurrence flow at every occurrence of a day on a fake clock, in milliseconds', async () => {
    const seen: string[] = [];
    const results = await new Scheduler({ definition, from: '2024-01-01T00:00:00Z', to: '2024-01-02T00:00:00Z', onRun: (result) => void seen.push(result.startTime) }).run();
    expect(results).toHaveLength(24);
    expect(results.every((r) => r.status === 'Succeeded')).toBe(true);
    expect(seen[5]).toBe('2024-01-01T05:00:00.000Z');
    const sixth = results[5]!.history.records;
    expect(results[5]!.history.trigger?.scheduledTime).toBe('2024-01-01T05:00:00.000Z');
    expect(sixth.find((r) => r.name === 'Occurrence')?.outputs).toBe('2024-01-01T05:00:00.000Z');
    expect(sixth.find((r) => r.name === 'Now')?.outputs).toBe('2024-01-01T05:00:00.0000000Z');
    expect(results[5]!.outputs.ended).toBe('2024-01-01T05:10:00.0000000Z');
  });

  it('refuses a flow without a Recurrence trigger', async () => {
    await expect(new Scheduler({ definition: { triggers: { manual: { type: 'Request' } }, actions: {} }, from: 0, to: 1 }).run()).rejects.toThrow(/no Recurrence trigger/);
  });
});
