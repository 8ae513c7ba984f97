import type { RouteContext } from '../http/exchange.js';

/**
 * One Dataverse Web API action the emulator answers (`POST <action>` unbound; the body holds its
 * parameters). It returns the response properties; the route adds `@odata.context`.
 */
export interface UnboundAction {
  readonly name: string;
  run(parameters: Record<string, unknown>, context: RouteContext): Record<string, unknown>;
}
