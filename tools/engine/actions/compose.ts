import type { ActionType } from './action-type.js';

/** Compose: outputs are the evaluated inputs themselves, with no body wrapper. */
export const compose: ActionType = {
  type: 'Compose',
  run(execution) {
    const value = execution.inputs();
    return execution.succeeded(value, value);
  },
};
