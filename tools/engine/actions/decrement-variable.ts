import type { ActionType } from './action-type.js';
import { changeNumber } from './number-variable.js';

/** DecrementVariable: integer or float variables; `value` defaults to 1. */
export const decrementVariable: ActionType = {
  type: 'DecrementVariable',
  run: (execution) => changeNumber(execution, -1),
};
