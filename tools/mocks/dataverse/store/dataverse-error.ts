/**
 * An error as the Dataverse Web API reports it: HTTP status plus `{"error":{"code","message"}}`.
 * Codes are the service's hex error codes (ErrorCodes in the SDK), so clients that match on them
 * (the CoE flows' "already inserted" catch, community code matching 0x80040217) behave the same.
 */
export class DataverseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DataverseError';
  }

  toJSON(): { error: { code: string; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** The error codes the emulator answers with (names as in Microsoft.Crm.Sdk ErrorCodes). */
export const ErrorCodes = {
  ObjectDoesNotExist: '0x80040217',
  DuplicateRecord: '0x80040237',
  InvalidArgument: '0x80040203',
  ConcurrencyVersionMismatch: '0x80060882',
  QuerySyntaxError: '0x80060888',
  ResourceNotFound: '0x8006088a',
  PayloadError: '0x80048d19',
  StringLengthTooLong: '0x80044331',
} as const;

export const dataverseErrors = {
  notFound: (logicalName: string, id: string) =>
    new DataverseError(404, ErrorCodes.ObjectDoesNotExist, `${logicalName} With Id = ${id} Does Not Exist`),
  keyNotFound: (logicalName: string) =>
    new DataverseError(404, ErrorCodes.ObjectDoesNotExist, `A record with the specified key values does not exist in ${logicalName} entity`),
  duplicateKey: () => new DataverseError(412, ErrorCodes.DuplicateRecord, 'Cannot insert duplicate key.'),
  matchingKeyExists: () => new DataverseError(412, ErrorCodes.DuplicateRecord, 'A record with matching key values already exists.'),
  versionMismatch: () =>
    new DataverseError(412, ErrorCodes.ConcurrencyVersionMismatch, "The version of the existing record doesn't match the RowVersion property provided."),
  resourceNotFound: (segment: string) => new DataverseError(404, ErrorCodes.ResourceNotFound, `Resource not found for the segment '${segment}'.`),
  propertyNotFound: (name: string, logicalName: string) =>
    new DataverseError(400, ErrorCodes.QuerySyntaxError, `Could not find a property named '${name}' on type 'Microsoft.Dynamics.CRM.${logicalName}'.`),
  querySyntax: (message: string) => new DataverseError(400, ErrorCodes.QuerySyntaxError, message),
  /** Body problems: Dataverse wraps the OData reader's message in this text. */
  payload: (entitySet: string, inner: string) =>
    new DataverseError(
      400,
      ErrorCodes.PayloadError,
      `Error identified in Payload provided by the user for Entity :'${entitySet}', For more information on this error please follow this help link https://go.microsoft.com/fwlink/?linkid=2195293  ---->  InnerException : Microsoft.OData.ODataException: ${inner}`,
    ),
  undeclaredProperty: (entitySet: string, name: string, logicalName: string) =>
    dataverseErrors.payload(
      entitySet,
      `The property '${name}' does not exist on type 'Microsoft.Dynamics.CRM.${logicalName}'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
    ),
  tooLong: (column: string, logicalName: string, max: number) =>
    new DataverseError(
      400,
      ErrorCodes.StringLengthTooLong,
      `A validation error occurred.  The length of the '${column}' attribute of the '${logicalName}' entity exceeded the maximum allowed length of '${max}'.`,
    ),
  badArgument: (message: string) => new DataverseError(400, ErrorCodes.InvalidArgument, message),
  methodNotAllowed: (method: string) =>
    new DataverseError(405, ErrorCodes.QuerySyntaxError, `The requested resource does not support http method '${method}'.`),
};
