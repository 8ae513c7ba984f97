import type { ActionType } from './action-type.js';
import { changeNumber } from './number-variable.js';

/** IncrementVariable: integer or float variables; `value` defaults to 1. */
export const incrementVariable: ActionType = {
  type: 'IncrementVariable',
  run: (execution) => changeNumber(execution, 1),
};
