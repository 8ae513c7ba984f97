import type { RouteContext } from '../exchange.js';

/** `…/$metadata#admin_apps(admin_displayname,admin_appid)`, plus `/$entity` for one row. */
export function contextUrl(context: RouteContext, entitySet: string, select: readonly string[] | undefined, single = false): string {
  const columns = select && select.length > 0 ? `(${select.join(',')})` : '';
  return `${context.serviceRoot}$metadata#${entitySet}${columns}${single ? '/$entity' : ''}`;
}

export function entityUrl(context: RouteContext, entitySet: string, id: string): string {
  return `${context.serviceRoot}${entitySet}(${id})`;
}
