import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cannotWrite, tempPathBeside } from '../../core/atomic-write.js';
import type { ActionRun } from './action-run.js';
import type { RunHistory } from './run-history.js';

/** What secured inputs/outputs show in history, as the service words it. */
export const SECURED = 'Content not shown due to security configuration.';

export interface HistoryJsonOptions {
  /** Values whose JSON is longer than this many characters are stored once in `blobs` and referenced. */
  inlineLimit?: number;
}

/**
 * Builds JSON-ready history. Large values are stored once in `blobs` (keyed by content hash) and
 * referenced as `{"$blob": "<id>"}`, so a 100k-iteration run that reads one big array stays small.
 */
class BlobStore {
  readonly blobs: Record<string, unknown> = {};
  private readonly byObject = new WeakMap<object, string>();

  constructor(private readonly limit: number) {}

  value(value: unknown): unknown {
    if (value === undefined || value === null || typeof value !== 'object') {
      if (typeof value === 'string' && value.length > this.limit) return { $blob: this.store(value, value) };
      return value;
    }
    const known = this.byObject.get(value);
    if (known) return { $blob: known };
    if (!largerThan(value, this.limit)) return value;
    // Large children are stored on their own first, so a big array shared by several records
    // (a trigger body, a Compose of it) is written once.
    const copy: unknown = Array.isArray(value) ? value.map((item) => this.value(item)) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.value(v)]));
    const text = JSON.stringify(copy);
    if (text === undefined || text.length <= this.limit) return copy;
    const id = this.store(copy, text);
    this.byObject.set(value, id);
    return { $blob: id };
  }

  private store(value: unknown, text: string): string {
    const id = createHash('sha1').update(text).digest('hex').slice(0, 16);
    if (!(id in this.blobs)) this.blobs[id] = value;
    return id;
  }
}

/** Whether a value's JSON is (roughly) longer than `limit`, without building the JSON: stops early. */
function largerThan(value: unknown, limit: number): boolean {
  let budget = limit;
  const walk = (node: unknown): boolean => {
    if (typeof node === 'string') budget -= node.length + 2;
    else if (node === null || typeof node !== 'object') budget -= 8;
    else if (Array.isArray(node)) {
      budget -= 2;
      for (const item of node) if (walk(item)) return true;
    } else {
      budget -= 2;
      for (const key in node) {
        budget -= key.length + 4;
        if (walk((node as Record<string, unknown>)[key])) return true;
      }
    }
    return budget < 0;
  };
  return walk(value);
}

export function recordJson(record: ActionRun, blobs: BlobStore | undefined): Record<string, unknown> {
  const json: Record<string, unknown> = { name: record.name, type: record.type, status: record.status };
  if (record.repetition) json.repetition = record.repetition;
  json.startTime = record.startTime;
  json.endTime = record.endTime;
  if (record.code) json.code = record.code;
  if (record.inputs !== undefined) json.inputs = record.secureInputs ? SECURED : blobs ? blobs.value(record.inputs) : record.inputs;
  if (record.outputs !== undefined) json.outputs = record.secureOutputs ? SECURED : blobs ? blobs.value(record.outputs) : record.outputs;
  if (record.error) json.error = record.error;
  if (record.retries) json.retries = record.retries.map((r) => ({ ...r, start: new Date(r.start).toISOString(), end: new Date(r.end).toISOString() }));
  if (record.childRunId) json.childRunId = record.childRunId;
  if (record.trackedProperties !== undefined) json.trackedProperties = record.trackedProperties;
  if (record.trackedPropertiesError) json.trackedPropertiesError = record.trackedPropertiesError;
  const scheduled = (record as ActionRun & { scheduledTime?: string }).scheduledTime;
  if (scheduled) json.scheduledTime = scheduled;
  if (record.clientTrackingId) json.clientTrackingId = record.clientTrackingId;
  return json;
}

function header(history: RunHistory): Record<string, unknown> {
  const json: Record<string, unknown> = { runId: history.runId, workflow: { name: history.workflowName, ...(history.workflowId ? { id: history.workflowId } : {}) } };
  if (history.parent) json.parent = history.parent;
  json.status = history.status;
  if (history.error) json.error = history.error;
  json.startTime = new Date(history.start).toISOString();
  json.endTime = new Date(history.end).toISOString();
  return json;
}

/** The whole history as one JSON value (fine for small runs and tests). */
export function historyToJson(history: RunHistory, options: HistoryJsonOptions = {}): Record<string, unknown> {
  const blobs = new BlobStore(options.inlineLimit ?? 16_384);
  const build = (h: RunHistory): Record<string, unknown> => ({
    ...header(h),
    outputs: h.outputs ?? {},
    ...(h.response ? { response: h.response } : {}),
    trigger: h.trigger ? recordJson(h.trigger, blobs) : undefined,
    actions: h.records.map((r) => recordJson(r, blobs)),
    childRuns: h.childRuns.map(build),
  });
  const json = build(history);
  json.blobs = blobs.blobs;
  return json;
}

/**
 * Writes the history file record by record (a 100k-action run never becomes one giant string),
 * to a temp file renamed into place, so a reader never sees half a file.
 */
export function writeHistoryFile(history: RunHistory, path: string, options: HistoryJsonOptions = {}): void {
  const blobs = new BlobStore(options.inlineLimit ?? 16_384);
  const temp = tempPathBeside(path);
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (error) {
    throw cannotWrite(path, error);
  }
  let buffer = '';
  const write = (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = '';
    }
  };
  const writeRun = (h: RunHistory, indent: string) => {
    const head = header(h);
    write(`{\n`);
    for (const [key, value] of Object.entries(head)) write(`${indent}  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
    write(`${indent}  "outputs": ${JSON.stringify(blobs.value(h.outputs ?? {}))},\n`);
    if (h.response) write(`${indent}  "response": ${JSON.stringify(blobs.value(h.response))},\n`);
    write(`${indent}  "trigger": ${h.trigger ? JSON.stringify(recordJson(h.trigger, blobs)) : 'null'},\n`);
    write(`${indent}  "actions": [`);
    h.records.forEach((record, i) => write(`${i === 0 ? '\n' : ',\n'}${indent}    ${JSON.stringify(recordJson(record, blobs))}`));
    write(h.records.length > 0 ? `\n${indent}  ],\n` : `],\n`);
    write(`${indent}  "childRuns": [`);
    h.childRuns.forEach((child, i) => {
      write(i === 0 ? '\n' : ',\n');
      write(`${indent}    `);
      writeRun(child, `${indent}    `);
    });
    write(h.childRuns.length > 0 ? `\n${indent}  ]` : ']');
    write(indent === '' ? ',\n' : `\n${indent}}`);
  };
  try {
    writeRun(history, '');
    write(`  "blobs": ${JSON.stringify(blobs.blobs)}\n}\n`);
    writeSync(fd, buffer);
    closeSync(fd);
    renameSync(temp, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw cannotWrite(path, error);
  }
}
