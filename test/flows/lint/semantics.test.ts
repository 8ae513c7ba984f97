import { describe, expect, it } from 'vitest';
import { lintFlow } from '../../../tools/flows/lint/index.js';
import { builtInConnectors } from '../../../tools/flows/lint/connectors/built-in.js';
import { FlowModel, detectShape } from '../../../tools/flows/lint/model/flow-model.js';

const S = ['Succeeded'];
const compose = (inputs: unknown, runAfter: Record<string, string[]> = {}) => ({ type: 'Compose', inputs, runAfter });
const loop = (foreach: string, actions: Record<string, unknown>, runAfter: Record<string, string[]> = {}, extra: Record<string, unknown> = {}) => ({ type: 'Foreach', foreach, actions, runAfter, ...extra });

/** Lints a bare definition (triggers + actions) and returns `code@action` pairs. */
function lint(actions: Record<string, unknown>, triggers: Record<string, unknown> = { manual: { type: 'Request', kind: 'Button', inputs: {} } }): string[] {
  const document = { triggers, actions, parameters: {} };
  const text = JSON.stringify(document, null, 2);
  const model = new FlowModel('flow.json', document, detectShape(document)!);
  return lintFlow({ file: 'flow.json', text, model }, { connectors: builtInConnectors() }).map((d) => `${d.code}@${String(d.path?.[d.path.indexOf('actions') + 1] ?? '')}`);
}

const cases: [string, Record<string, unknown>, string[]][] = [
  ['a later sibling may read actions inside an earlier If (either branch)', {
    Condition: { type: 'If', expression: { equals: [1, 1] }, runAfter: {}, actions: { Yes: compose('y') }, else: { actions: { No: compose('n') } } },
    After: compose("@coalesce(outputs('Yes'), outputs('No'))", { Condition: S }),
  }, []],
  ['the else branch cannot read the then branch', {
    Condition: { type: 'If', expression: { equals: [1, 1] }, runAfter: {}, actions: { Yes: compose('y') }, else: { actions: { No: compose("@outputs('Yes')") } } },
  }, ['action-reference-not-run@Condition']],
  ['an Until condition may read actions of its own body', {
    Do_until: { type: 'Until', expression: "@equals(outputs('Step'), 3)", limit: { count: 5, timeout: 'PT1H' }, runAfter: {}, actions: { Step: compose(3) } },
  }, []],
  ['an action may not read itself', { Compose: compose("@outputs('Compose')") }, ['action-reference-not-run@Compose']],
  ['a flow of one constant Compose has no findings', { Compose: compose(1) }, []],
  ["items('Outer') inside a nested loop is fine; items('Inner') outside it is not", {
    Outer: loop('@createArray(1, 2)', {
      Inner: loop('@createArray(3, 4)', { Both: compose("@add(items('Outer'), items('Inner'))") }),
      Wrong: compose("@items('Inner')", { Inner: S }),
    }),
  }, ['item-outside-loop@Outer']],
  ['item() in a Select map is per item, in its from it is not', {
    Select: { type: 'Select', runAfter: {}, inputs: { from: '@item()', select: { name: "@item()?['name']" } } },
  }, ['item-outside-loop@Select']],
  ['SetVariable in a sequential loop is fine', {
    Initialize_x: { type: 'InitializeVariable', runAfter: {}, inputs: { variables: [{ name: 'x', type: 'integer', value: 0 }] } },
    Loop: loop('@createArray(1, 2)', { Set_x: { type: 'SetVariable', runAfter: {}, inputs: { name: 'x', value: '@item()' } } }, { Initialize_x: S }, { operationOptions: 'Sequential', runtimeConfiguration: { concurrency: { repetitions: 20 } } }),
  }, []],
  ['SetVariable nested deeper in a parallel loop still races', {
    Initialize_x: { type: 'InitializeVariable', runAfter: {}, inputs: { variables: [{ name: 'x', type: 'integer', value: 0 }] } },
    Loop: loop('@createArray(1, 2)', { Scope: { type: 'Scope', runAfter: {}, actions: { Set_x: { type: 'SetVariable', runAfter: {}, inputs: { name: 'x', value: '@item()' } } } } }, { Initialize_x: S }, { runtimeConfiguration: { concurrency: { repetitions: 5 } } }),
  }, ['set-variable-in-parallel-loop@Loop']],
  ['a variable written before its Initialize variable runs', {
    Set_x: { type: 'SetVariable', runAfter: {}, inputs: { name: 'x', value: 1 } },
    Initialize_x: { type: 'InitializeVariable', runAfter: { Set_x: S }, inputs: { variables: [{ name: 'x', type: 'integer', value: 0 }] } },
  }, ['variable-not-initialized@Set_x']],
  ['variable names compare case-insensitively', {
    Initialize_x: { type: 'InitializeVariable', runAfter: {}, inputs: { variables: [{ name: 'Counter', type: 'integer', value: 0 }] } },
    Read: compose("@variables('counter')", { Initialize_x: S }),
  }, []],
  ["action and loop names in body('x') / items('x') compare case-insensitively (a real export does this)", {
    Get_default_calendar_id: compose({ id: 'c' }),
    Read: compose("@body('get_default_calendar_id')?['id']", { Get_default_calendar_id: S }),
    Iterate_over_all_my_Planner_tasks: loop('@createArray(1)', { Use: compose("@items('Iterate_over_all_my_planner_tasks')") }, { Read: S }),
  }, []],
  ['a name differing only in case still has to have run', {
    Later: compose("@outputs('first')", {}),
    First: compose(1, { Later: S }),
  }, ['action-reference-not-run@Later']],
  ['runAfter across scopes is reported', {
    Scope: { type: 'Scope', runAfter: {}, actions: { Inner: compose(1) } },
    Outer: compose(2, { Inner: S }),
  }, ['run-after-missing-action@Outer']],
  ['a three-action cycle is reported once', {
    A: compose(1, { C: S }), B: compose(2, { A: S }), C: compose(3, { B: S }),
  }, ['run-after-cycle@A']],
  ['@@ escapes are text, not expressions', { Compose: compose("@@{not an expression('") }, []],
  ['function names are case-insensitive, as in the service', { Compose: compose("@toLower(UTCNOW())") }, []],
  ['eight levels of nesting are allowed', nested(8), []],
  ['a ninth level is not', nested(9), ['workflow-limits@Scope_1']],
  ['an action name longer than 80 characters', { [`Compose_${'x'.repeat(80)}`]: compose(1) }, [`workflow-limits@Compose_${'x'.repeat(80)}`]],
  ['an Until without a sane count', { Do_until: { type: 'Until', expression: '@true', limit: { count: 6000, timeout: 'PT1H' }, runAfter: {}, actions: {} } }, ['workflow-limits@Do_until']],
];

/** Scopes nested `levels` deep around one Compose. */
function nested(levels: number): Record<string, unknown> {
  let inner: Record<string, unknown> = { Innermost: compose(1) };
  for (let i = levels - 1; i >= 1; i--) inner = { [`Scope_${i}`]: { type: 'Scope', runAfter: {}, actions: inner } };
  return inner;
}

describe('flow lint semantics', () => {
  it.each(cases)('%s', (_name, actions, expected) => {
    expect(lint(actions).sort()).toEqual([...expected].sort());
  });

  it('survives hostile nesting (1,500 scopes) with a finding instead of a stack overflow', () => {
    expect(lint(nested(1500))).toEqual(['workflow-limits@Scope_1']);
  });

  it('reports an action reference in a trigger', () => {
    const codes = lint({ Compose: compose(1) }, { Recurrence: { type: 'Recurrence', recurrence: { frequency: 'Day', interval: 1 }, conditions: [{ expression: "@equals(outputs('Compose'), 1)" }] } });
    expect(codes).toEqual(['action-reference-not-run@triggers']);
  });
});

describe('connector steps', () => {
  const references = { shared_office365: { connectionName: 'shared_office365', source: 'Embedded', id: '/providers/Microsoft.PowerApps/apis/shared_office365', tier: 'NotSpecified' } };
  const lintPackage = (definition: Record<string, unknown>) => {
    const document = { name: 'x', id: '/providers/Microsoft.Flow/flows/x', type: 'Microsoft.Flow/flows', properties: { apiId: '/providers/Microsoft.PowerApps/apis/shared_logicflows', displayName: 'x', definition, connectionReferences: references } };
    const text = JSON.stringify(document, null, 2);
    return lintFlow({ file: 'definition.json', text, model: new FlowModel('definition.json', document, detectShape(document)!) }, { connectors: builtInConnectors() }).map((d) => `${d.code}@${d.pointer}`);
  };

  it.each([
    ['an older ApiConnection action naming an unknown $connections key', {
      triggers: { manual: { type: 'Request', kind: 'Button', inputs: {} } },
      actions: { Send: { type: 'ApiConnection', runAfter: {}, inputs: { host: { connection: { name: "@parameters('$connections')['shared_sharepointonline']['connectionId']" } }, method: 'get', path: '/datasets' } } },
    }, ['connection-reference-missing@/properties/definition/actions/Send/inputs/host/connection/name']],
    ['a connector trigger missing a required parameter', {
      triggers: { When_a_row_is_added: { type: 'OpenApiConnectionWebhook', inputs: { host: { apiId: '/providers/Microsoft.PowerApps/apis/shared_office365', connectionName: 'shared_office365', operationId: 'SendEmailV2' }, parameters: { 'emailMessage/To': 'x' } } } },
      actions: {},
    }, [
      'operation-parameter-missing@/properties/definition/triggers/When_a_row_is_added/inputs/parameters',
    ]],
    ['a legacy package action using its connection reference', {
      triggers: { manual: { type: 'Request', kind: 'Button', inputs: {} } },
      actions: { Send: { type: 'OpenApiConnection', runAfter: {}, inputs: { host: { apiId: '/providers/Microsoft.PowerApps/apis/shared_office365', connectionName: 'shared_office365', operationId: 'SendEmailV2' }, parameters: { 'emailMessage/To': "@triggerBody()?['to']", 'emailMessage/Subject': 's', 'emailMessage/Body': 'b' } } } },
    }, []],
  ])('%s', (_name, definition, expected) => {
    expect(lintPackage(definition).sort()).toEqual([...expected].sort());
  });
});
