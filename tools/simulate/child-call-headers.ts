import type { ActionDefinition, LoadedWorkflow } from '../engine/index.js';
import { allActions } from './flow-scan.js';

/**
 * When a flow runs a child flow ("Run a Child Flow", type Workflow), Power Automate hands the child
 * the caller's connections in the `X-MS-APIM-Tokens` trigger header. Flows made in the designer
 * (the CoE kit's among them) read it in every connector action:
 * `"authentication": {"type": "Raw", "value": "@json(decodeBase64(triggerOutputs().headers['X-MS-APIM-Tokens']))['$ConnectionKey']"}`.
 * The engine binds connections itself and does not send that header, so the simulation adds it to
 * each child call, as the platform would; its value is an opaque placeholder, never a credential.
 */
export const CONNECTION_TOKENS_HEADER = 'X-MS-APIM-Tokens';
const PLACEHOLDER_TOKENS = Buffer.from(JSON.stringify({ $ConnectionKey: 'Key ppkit-simulated-connection' })).toString('base64');

export function withChildCallHeaders(workflow: LoadedWorkflow): LoadedWorkflow {
  const copy = structuredClone(workflow);
  for (const [, action] of allActions(copy.definition.actions as Record<string, ActionDefinition>)) {
    if (!/^workflow$/i.test(action.type)) continue;
    const inputs = (action as { inputs?: Record<string, unknown> }).inputs;
    if (!inputs || typeof inputs !== 'object') continue;
    const headers = (inputs.headers && typeof inputs.headers === 'object' ? inputs.headers : {}) as Record<string, unknown>;
    if (!Object.keys(headers).some((h) => h.toLowerCase() === CONNECTION_TOKENS_HEADER.toLowerCase())) headers[CONNECTION_TOKENS_HEADER] = PLACEHOLDER_TOKENS;
    inputs.headers = headers;
  }
  return copy;
}
