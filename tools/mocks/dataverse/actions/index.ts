import type { UnboundAction } from './action.js';
import { retrieveEnvironmentVariableSecretValue } from './retrieve-environment-variable-secret-value.js';

export type { UnboundAction } from './action.js';

/** The unbound actions the emulator answers, by name (case-sensitive, as Web API segments are). */
export const unboundActions: ReadonlyMap<string, UnboundAction> = new Map([retrieveEnvironmentVariableSecretValue].map((a) => [a.name, a]));
