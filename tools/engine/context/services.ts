import type { RunHistory } from '../history/run-history.js';
import type { ConnectionResolver } from '../connectors/connections.js';
import type { HttpTransport } from '../connectors/transport.js';

/** What a Workflow action needs to call a child flow: run it and get its response and history. */
export interface ChildFlowResult {
  status: string;
  response: { statusCode: number; headers: Record<string, string>; body: unknown } | undefined;
  error?: { code: string; message: string };
  history: RunHistory;
}

/**
 * The outside world of a run, passed in so tests and the simulator plug in their own: connector
 * bindings, the child-flow runner, HTTP (fetch, or a transport that answers some services in process).
 */
export interface RunServices {
  connections: ConnectionResolver;
  /** Runs the child flow `workflowReferenceName` with a trigger body; undefined when no resolver was given. */
  runChildFlow?(reference: string, body: unknown, headers: Record<string, string>, parent: { runId: string; action: string }): Promise<ChildFlowResult | undefined>;
  fetch: typeof fetch;
  /** How connector and Http requests travel; default real HTTP through `fetch`. */
  transport?: HttpTransport;
  /** Real milliseconds an outbound request may take (Logic Apps: 120 s). */
  requestTimeoutMs: number;
  /** How long a webhook action waits for its callback, on the run's clock (virtual with a fake clock). */
  webhookTimeoutMs: number;
  /**
   * Real milliseconds a run on a virtual clock gives a service to call back before the webhook's
   * wait is taken as over (the clock then jumps to the timeout). A real clock just waits.
   */
  webhookCallbackWaitMs: number;
}
