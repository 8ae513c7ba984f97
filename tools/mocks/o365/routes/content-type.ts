import { CONTENT_TYPES, type ContentType } from '../../tenant/index.js';
import { fail } from '../errors.js';
import type { ApiRequest } from './route.js';

/** The contentType parameter: required (AF20001) and one of the five, case as documented (AF20020). */
export function requireContentType(request: Pick<ApiRequest, 'query'>): ContentType {
  const value = request.query.get('contenttype');
  if (value === undefined || value === '') fail('AF20001', 'contentType');
  if (!(CONTENT_TYPES as readonly string[]).includes(value)) fail('AF20020');
  return value as ContentType;
}
