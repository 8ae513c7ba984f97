import { InputError } from '../../../core/errors.js';
import { parseJsonText } from '../../../core/read-input.js';
import { dataverseErrors } from '../store/dataverse-error.js';

/** The JSON body of a create or update (`__proto__` keys dropped); bad JSON is Dataverse's payload error. */
export function parseJsonBody(text: string, entitySet: string): unknown {
  if (text.trim() === '') throw dataverseErrors.payload(entitySet, 'A JSON object was expected as the request body, found an empty body.');
  try {
    return parseJsonText(text);
  } catch (error) {
    if (error instanceof InputError) throw dataverseErrors.payload(entitySet, `Invalid JSON. ${error.format()}`);
    throw error;
  }
}
