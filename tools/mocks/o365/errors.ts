/**
 * The API's error codes (reference "Errors" table plus codes seen on the wire). Statuses marked
 * "observed" come from client code and issues; the others are the likely default, not verified.
 */
export interface ApiError {
  status: number;
  code: string;
  message: string;
}

const fill = (template: string, args: readonly string[]) => template.replace(/\{(\d)\}/g, (_m, i: string) => args[Number(i)] ?? '');

const TABLE = {
  AF10001: [401, 'The permission set ({0}) sent in the request does not include the expected permission.'], // observed (coe-starter-kit #3192)
  AF20001: [400, 'Missing parameter: {0}.'],
  AF20002: [400, 'Invalid parameter type: {0}. Expected type: {1}.'],
  AF20003: [400, 'Expiration {0} provided is set to past date and time.'],
  AF20010: [403, 'The tenant ID passed in the URL ({0}) does not match the tenant ID passed in the access token ({1}).'],
  AF20013: [400, 'The tenant ID passed in the URL ({0}) is not a valid GUID.'],
  AF20020: [400, 'The specified content type is not valid.'],
  AF20021: [400, 'The webhook endpoint {0} could not be validated. {1}'],
  AF20022: [400, 'No subscription found for the specified content type.'],
  AF20023: [400, 'The subscription was disabled.'], // observed
  AF20024: [400, 'The subscription is already enabled. No property change.'], // observed, undocumented
  AF20031: [400, 'Invalid nextPage Input: {0}.'],
  AF20050: [400, 'The specified content ({0}) does not exist.'],
  AF20051: [400, 'Content requested with the key {0} has already expired. Content older than 7 days cannot be retrieved.'],
  AF20052: [400, 'Content ID {0} in the URL is invalid.'],
  AF20053: [400, 'Only one language may be present in the Accept-Language header.'],
  AF20054: [400, 'Invalid syntax in Accept-Language header.'],
  AF20055: [400, 'Start time and end time must both be specified (or both omitted) and must be less than or equal to 24 hours apart, with the start time prior to end time and start time no more than 7 days in the past.'],
  AF429: [403, 'Too many requests. Method={0}, PublisherId={1}'], // documented example answers 403
  AF50000: [500, 'An internal error occurred. Retry the request.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ErrorCode = keyof typeof TABLE;

export function apiError(code: ErrorCode, ...args: string[]): ApiError {
  const [status, template] = TABLE[code];
  return { status, code, message: fill(template, args) };
}

/** Body shape of every error: `{"error":{"code","message"}}`. */
export function errorBody(error: ApiError): { error: { code: string; message: string } } {
  return { error: { code: error.code, message: error.message } };
}

/** Thrown inside route handlers; the router turns it into the error response. */
export class ApiFailure extends Error {
  constructor(readonly apiError: ApiError, readonly headers: Record<string, string> = {}) {
    super(apiError.message);
  }
}

export function fail(code: ErrorCode, ...args: string[]): never {
  throw new ApiFailure(apiError(code, ...args));
}
