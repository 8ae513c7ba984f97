import type { ActionType } from './action-type.js';
import { apiConnection } from './api-connection.js';
import { apiConnectionWebhook } from './api-connection-webhook.js';
import { appendToArrayVariable } from './append-to-array-variable.js';
import { appendToStringVariable } from './append-to-string-variable.js';
import { compose } from './compose.js';
import { decrementVariable } from './decrement-variable.js';
import { expression } from './expression.js';
import { foreach } from './foreach.js';
import { http } from './http.js';
import { ifAction } from './if.js';
import { incrementVariable } from './increment-variable.js';
import { initializeVariable } from './initialize-variable.js';
import { join } from './join.js';
import { openApiConnection } from './open-api-connection.js';
import { openApiConnectionWebhook } from './open-api-connection-webhook.js';
import { parseJson } from './parse-json.js';
import { query } from './query.js';
import { response } from './response.js';
import { scope } from './scope.js';
import { select } from './select.js';
import { setVariable } from './set-variable.js';
import { switchAction } from './switch.js';
import { table } from './table.js';
import { terminate } from './terminate.js';
import { until } from './until.js';
import { wait } from './wait.js';
import { workflow } from './workflow.js';

/** Every action type the engine runs, one file each. */
const ALL: readonly ActionType[] = [
  compose,
  initializeVariable,
  setVariable,
  incrementVariable,
  decrementVariable,
  appendToArrayVariable,
  appendToStringVariable,
  ifAction,
  switchAction,
  foreach,
  until,
  scope,
  terminate,
  parseJson,
  query,
  select,
  join,
  table,
  wait,
  http,
  response,
  workflow,
  openApiConnection,
  openApiConnectionWebhook,
  apiConnection,
  apiConnectionWebhook,
  expression,
];

/** Action types by lower-cased `type` (the service matches types case-insensitively). */
export const actionTypes: ReadonlyMap<string, ActionType> = new Map(ALL.map((t) => [t.type.toLowerCase(), t]));
