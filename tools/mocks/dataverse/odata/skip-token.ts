import { normaliseGuid } from '../model/column-types/guid.js';
import { dataverseErrors } from '../store/dataverse-error.js';

/** Where the next page starts: its number, and the last primary key of the page before. */
export interface PagePosition {
  pageNumber: number;
  lastId: string;
  firstId: string;
}

/**
 * A $skiptoken in the shape Dataverse hands out (a paging cookie naming the page number and the
 * first and last primary keys of the page before). Clients treat it as opaque.
 */
export function formatSkipToken(primaryId: string, position: PagePosition): string {
  const inner = `<cookie page="${position.pageNumber - 1}"><${primaryId} last="{${position.lastId.toUpperCase()}}" first="{${position.firstId.toUpperCase()}}" /></cookie>`;
  return `<cookie pagenumber="${position.pageNumber}" pagingcookie="${encodeURIComponent(encodeURIComponent(inner))}" istracking="False" />`;
}

export function parseSkipToken(token: string): PagePosition {
  const invalid = () => dataverseErrors.querySyntax(`The $skiptoken value '${token}' is not a paging cookie this service issued.`);
  const page = /pagenumber="(\d+)"/.exec(token);
  const cookie = /pagingcookie="([^"]*)"/.exec(token);
  if (!page || !cookie) throw invalid();
  let inner: string;
  try {
    inner = decodeURIComponent(decodeURIComponent(cookie[1]!));
  } catch {
    throw invalid();
  }
  const last = /last="\{?([0-9a-fA-F-]{36})\}?"/.exec(inner);
  const first = /first="\{?([0-9a-fA-F-]{36})\}?"/.exec(inner);
  const lastId = last ? normaliseGuid(last[1]!) : undefined;
  const firstId = first ? normaliseGuid(first[1]!) : undefined;
  const pageNumber = Number(page[1]);
  if (!lastId || !firstId || pageNumber < 2) throw invalid();
  return { pageNumber, lastId, firstId };
}
