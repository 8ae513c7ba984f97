import type { TriggerDefinition } from '../definition/types.js';
import type { Report } from '../actions/action-type.js';

/** What a trigger produced for a run: its record's inputs and outputs (`triggerOutputs()`). */
export interface TriggerFiring {
  inputs?: unknown;
  outputs: unknown;
  /** Recurrence: the occurrence this run is for (`trigger().scheduledTime`). */
  scheduledTime?: string;
  /** The run's client tracking id (`trigger().clientTrackingId`), when the firing sets one (splitOnConfiguration.correlation). */
  clientTrackingId?: string;
}

/** One trigger type; the payload is what the caller or the scheduler passes in. */
export interface TriggerType {
  readonly type: string;
  validate?(definition: TriggerDefinition, report: Report): void;
  fire(definition: TriggerDefinition, payload: unknown, now: number, name: string): TriggerFiring;
}

/** A payload given as `{headers, body}` is used as is; anything else is the body. */
export function asRequest(payload: unknown): { headers: Record<string, string>; body: unknown } {
  if (payload !== null && typeof payload === 'object' && !Array.isArray(payload)) {
    const keys = Object.keys(payload);
    if (keys.length > 0 && keys.every((k) => k === 'headers' || k === 'body' || k === 'queries' || k === 'method')) {
      const request = payload as { headers?: Record<string, string>; body?: unknown };
      return { headers: request.headers ?? {}, body: request.body };
    }
  }
  return { headers: {}, body: payload };
}
