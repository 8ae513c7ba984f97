import { expect } from 'vitest';
import { createMemoryContext, evaluateExpression, ExpressionSyntaxError, WorkflowExpressionError, type MemoryContextData } from '../../tools/expressions/index.js';

/** The XML of the reference's xpath examples. */
export const PRODUCE_XML =
  "<?xml version=\"1.0\"?><produce><item><name expired='true' price='12'>Gala</name><type>apple</type><count>20</count></item><item><name expired='false' price='40'>Honeycrisp</name><type>apple</type><count>10</count></item></produce>";

/** One shared scope for every table (lesson 10): a run in the middle of a Foreach. */
export const scope: MemoryContextData = {
  now: '2018-03-01T00:00:00.0000000Z',
  parameters: { fullName: 'Sophia Owen', myAge: 42, items: PRODUCE_XML, 'Tenant ID (admin_TenantID)': 'contoso.onmicrosoft.com', nothing: null },
  variables: { numItems: 20, myCounter: 0, list: [1, 2, 3], isTrue: true },
  actions: {
    Get_user: {
      status: 'Succeeded',
      inputs: { method: 'GET' },
      outputs: { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: { FullName: 'Contoso Corporation', Id: 283541717, status: 'Succeeded' } },
    },
    Get_row: { outputs: { body: { value: [{ name: 'a' }, { name: 'b' }], '@odata.nextLink': 'https://next' } } },
    Send_an_email: { outputs: { body: { $formdata: [{ key: 'Subject', value: 'Hello world' }, { key: 'Body', value: 'Hi!' }, { key: 'To', value: 'a@b.c' }, { key: 'To', value: 'd@e.f' }] } } },
    Parts: { outputs: { body: { $multipart: [{ headers: {}, body: 'first part' }, { headers: {}, body: { x: 1 } }] } } },
    Skipped_one: { status: 'Skipped' },
  },
  trigger: { name: 'manual', outputs: { headers: { 'x-ms-user': 'bo' }, body: { feedUrl: 'https://feeds/rss', $formdata: [{ key: 'feedUrl', value: 'https://feeds.a.dj.com/rss/RSSMarketsMain.xml' }, { key: 'title', value: 'Markets' }], $multipart: [{ body: 'part0' }, { body: { n: 1 } }], nested: { Deep: 1 } } } },
  currentAction: { name: 'HTTP_webhook', status: 'Succeeded', outputs: { body: { subscriptionId: 'sub-1' } } },
  items: { Outer_loop: 'outer', For_each: { id: 7, title: 'Seven' } },
  iterationIndexes: { Until_Max_Increment: 3 },
  results: { For_each: [{ name: 'HTTP', status: 'Succeeded', outputs: { statusCode: 200 } }] },
  workflow: { id: '/workflows/abc', name: 'abc', type: 'Microsoft.Logic/workflows', location: 'westeurope', run: { id: '/workflows/abc/runs/r1', name: 'r1', type: 'Microsoft.Logic/workflows/runs' }, tags: { flowDisplayName: 'Sync Audit Logs', environmentName: 'Default-1' } },
  callbackUrl: 'https://prod-01.westus.logic.azure.com:443/workflows/abc/triggers/manual/run',
};

export const scopeContext = createMemoryContext(scope);

export function evaluate(expression: string): unknown {
  return evaluateExpression(expression, scopeContext);
}

/** Asserts that `expression` fails with the service-styled error naming `functionName`, and the message contains `fragment`. */
export function expectFailure(expression: string, fragment: string, functionName?: string): void {
  let caught: unknown;
  try {
    evaluate(expression);
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected ${expression} to fail`).toBeInstanceOf(Error);
  expect(caught instanceof WorkflowExpressionError || caught instanceof ExpressionSyntaxError).toBe(true);
  expect((caught as Error).message).toContain(fragment);
  if (functionName !== undefined) expect((caught as WorkflowExpressionError).functionName).toBe(functionName);
}

export type Case = readonly [expression: string, expected: unknown];
export type ErrorCase = readonly [expression: string, fragment: string];
