import { InputError } from '../../../core/errors.js';
import { parseJsonText } from '../../../core/read-input.js';
import { dataverseErrors } from '../store/dataverse-error.js';

const POLLUTING_OR_ESCAPED = /__proto__|constructor|prototype|\\u/;

/** The JSON body of a create or update (`__proto__` keys dropped); bad JSON is Dataverse's payload error. */
export function parseJsonBody(text: string, entitySet: string): unknown {
  if (text.trim() === '') throw dataverseErrors.payload(entitySet, 'A JSON object was expected as the request body, found an empty body.');
  // A body with none of the keys parseJsonText drops (nor a \u escape that could spell one) needs no
  // reviver, which costs more than the parse itself; a syntax error still gets parseJsonText's message.
  if (!POLLUTING_OR_ESCAPED.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // parsed again below for the error message
    }
  }
  try {
    return parseJsonText(text);
  } catch (error) {
    if (error instanceof InputError) throw dataverseErrors.payload(entitySet, `Invalid JSON. ${error.format()}`);
    throw error;
  }
}
