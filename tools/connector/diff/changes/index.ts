/** Every change check of `ppkit connector diff`, registered explicitly; the id is the file name. */
import type { ChangeCheck } from '../types.js';
import { operationRemoved } from './operation-removed.js';
import { triggerChanged } from './trigger-changed.js';
import { parameterRemoved } from './parameter-removed.js';
import { parameterRequired } from './parameter-required.js';
import { parameterTypeChanged } from './parameter-type-changed.js';
import { inputEnumRestricted } from './input-enum-restricted.js';
import { responsePropertyRemoved } from './response-property-removed.js';
import { responseTypeChanged } from './response-type-changed.js';
import { visibilityChanged } from './visibility-changed.js';
import { summaryChanged } from './summary-changed.js';
import { connectionChanged } from './connection-changed.js';

const all: ChangeCheck[] = [
  operationRemoved,
  connectionChanged,
  triggerChanged,
  parameterRemoved,
  parameterRequired,
  parameterTypeChanged,
  inputEnumRestricted,
  responsePropertyRemoved,
  responseTypeChanged,
  visibilityChanged,
  summaryChanged,
];

export const changeChecks: ReadonlyMap<string, ChangeCheck> = new Map(all.map((check) => [check.id, check]));
