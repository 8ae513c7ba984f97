import { collectionFunctions } from './collection.js';
import { conversionFunctions } from './conversion.js';
import { dateTimeFunctions } from './date-time.js';
import type { FunctionDescriptor } from './descriptor.js';
import { jsonFunctions } from './json.js';
import { logicalFunctions } from './logical.js';
import { mathFunctions } from './math.js';
import { stringFunctions } from './string.js';
import { uriFunctions } from './uri.js';
import { workflowFunctions } from './workflow.js';
import { xmlFunctions } from './xml.js';

/** Every family, one file each. Adding a family is one line here. */
const families: readonly (readonly FunctionDescriptor[])[] = [
  stringFunctions,
  collectionFunctions,
  logicalFunctions,
  conversionFunctions,
  mathFunctions,
  dateTimeFunctions,
  workflowFunctions,
  jsonFunctions,
  uriFunctions,
  xmlFunctions,
];

function buildTable(): Map<string, FunctionDescriptor> {
  const table = new Map<string, FunctionDescriptor>();
  for (const family of families) {
    for (const descriptor of family) {
      if (table.has(descriptor.name)) throw new Error(`expression function '${descriptor.name}' is registered twice`);
      table.set(descriptor.name, descriptor);
    }
  }
  return table;
}

/** Every WDL function by its documented name (`formatDateTime`). */
export const functionTable: ReadonlyMap<string, FunctionDescriptor> = buildTable();

const byLowerName = new Map([...functionTable.values()].map((descriptor) => [descriptor.name.toLowerCase(), descriptor]));

/** Looks a function up; names are case-insensitive in the service (`utcnow()` works like `utcNow()`). */
export function lookupFunction(name: string): FunctionDescriptor | undefined {
  return functionTable.get(name) ?? byLowerName.get(name.toLowerCase());
}
