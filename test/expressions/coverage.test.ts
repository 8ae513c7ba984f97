import { describe, expect, it } from 'vitest';
import { functionTable, parseExpression, walkExpression, lookupFunction } from '../../tools/expressions/index.js';
import { collectionCases, collectionErrors } from './functions/collection.cases.js';
import { conversionCases, conversionErrors } from './functions/conversion.cases.js';
import { dateTimeCases, dateTimeErrors } from './functions/date-time.cases.js';
import { jsonXmlCases, jsonXmlErrors } from './functions/json-xml.cases.js';
import { logicalCases, logicalErrors } from './functions/logical.cases.js';
import { mathCases, mathErrors } from './functions/math.cases.js';
import { stringCases, stringErrors } from './functions/string.cases.js';
import { uriCases, uriErrors } from './functions/uri.cases.js';
import { workflowCases, workflowErrors } from './functions/workflow.cases.js';

const valueCases = [...stringCases, ...collectionCases, ...logicalCases, ...conversionCases, ...mathCases, ...dateTimeCases, ...uriCases, ...workflowCases, ...jsonXmlCases];
const errorCases = [...stringErrors, ...collectionErrors, ...logicalErrors, ...conversionErrors, ...mathErrors, ...dateTimeErrors, ...uriErrors, ...workflowErrors, ...jsonXmlErrors];

/** The function an expression tests: its outermost call, or the function its property access starts from. */
function outermostFunction(expression: string): string {
  let node = parseExpression(expression);
  while (node.kind === 'member' || node.kind === 'index') node = node.object;
  if (node.kind !== 'call') throw new Error(`case ${expression} is not a call`);
  return lookupFunction(node.name)!.name;
}

describe('case tables cover every function', () => {
  it('every registered function has at least two value cases that use it', () => {
    const uses = new Map<string, number>();
    for (const [expression] of valueCases) {
      const seen = new Set<string>();
      walkExpression(parseExpression(expression), (node) => {
        if (node.kind === 'call') seen.add(lookupFunction(node.name)?.name ?? node.name);
      });
      for (const name of seen) uses.set(name, (uses.get(name) ?? 0) + 1);
    }
    const thin = [...functionTable.keys()].filter((name) => (uses.get(name) ?? 0) < 2);
    expect(thin).toEqual([]);
  });

  it('most functions are also the outermost call of some case (tested directly, not only as a helper)', () => {
    const direct = new Set([...valueCases, ...errorCases].map(([expression]) => outermostFunction(expression)));
    const untested = [...functionTable.keys()].filter((name) => !direct.has(name));
    expect(untested).toEqual([]);
  });

  it('has the documented families and at least 125 functions', () => {
    const categories = new Set([...functionTable.values()].map((d) => d.category));
    expect([...categories].sort()).toEqual(['collection', 'conversion', 'date-time', 'json-xml', 'logical', 'math', 'string', 'uri', 'workflow']);
    expect(functionTable.size).toBeGreaterThanOrEqual(125);
  });
});
