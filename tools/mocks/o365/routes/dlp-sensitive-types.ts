import { fail } from '../errors.js';
import type { ApiRoute } from './route.js';

/** The two entries the reference shows; the real list is longer and localised. */
const SENSITIVE_TYPES = [
  { id: '50842eb7-edc8-4019-85dd-5a5c1f2bb085', name: 'CreditCardNumber' },
  { id: '0e9b3178-9678-47dd-a509-37222ca96b42', name: 'EUDebitCardNumber' },
];

/** One language range (RFC 9110): a tag or `*` (what fetch clients send by default), optional weight. */
const LANGUAGE = /^(\*|[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*)(\s*;\s*q=(0(\.\d{0,3})?|1(\.0{0,3})?))?$/;

/** GET /resources/dlpSensitiveTypes, with at most one language in Accept-Language. */
export const dlpSensitiveTypes: ApiRoute = {
  method: 'GET',
  path: 'resources/dlpSensitiveTypes',
  operation: 'GetDlpSensitiveTypes',
  handle(request) {
    const header = request.headers['accept-language'];
    if (header !== undefined && header.trim() !== '') {
      if (header.includes(',')) fail('AF20053');
      if (!LANGUAGE.test(header.trim())) fail('AF20054');
    }
    return { status: 200, body: SENSITIVE_TYPES };
  },
};
