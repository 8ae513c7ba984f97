import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintTarget, flowRules } from '../../../tools/flows/lint/index.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lint');

/** One failing fixture per rule: [rule id, fixture (file or solution folder), JSON pointer of each finding]. */
const failing: [string, string, string[]][] = [
  ['run-after-missing-action', 'run-after-missing-action.json', ['/properties/definition/actions/Compose_2/runAfter/Compose_1']],
  ['run-after-cycle', 'run-after-cycle.json', ['/properties/definition/actions/First/runAfter']],
  ['expression-syntax', 'expression-syntax.json', ['/properties/definition/actions/Compose/inputs']],
  ['expression-unknown-function', 'expression-unknown-function.json', ['/properties/definition/actions/Compose/inputs']],
  ['expression-arity', 'expression-arity.json', ['/properties/definition/actions/Compose/inputs']],
  ['action-reference-missing', 'action-reference-missing.json', ['/properties/definition/actions/Compose/inputs']],
  ['action-reference-not-run', 'action-reference-not-run.json', ['/properties/definition/actions/Compose/inputs']],
  ['variable-not-initialized', 'variable-not-initialized.json', ['/properties/definition/actions/Compose/inputs']],
  ['variable-init-not-top-level', 'variable-init-not-top-level.json', ['/properties/definition/actions/Scope/actions/Initialize_name']],
  ['set-variable-in-parallel-loop', 'set-variable-in-parallel-loop.json', ['/properties/definition/actions/Apply_to_each/actions/Set_last']],
  ['item-outside-loop', 'item-outside-loop.json', ['/properties/definition/actions/Compose/inputs']],
  ['terminate-in-loop', 'terminate-in-loop.json', ['/properties/definition/actions/Apply_to_each/actions/Terminate']],
  ['tracked-properties-scope', 'tracked-properties-scope.json', ['/properties/definition/actions/Greeting/trackedProperties/name']],
  ['connection-reference-missing', 'connection-reference-missing.json', ['/properties/definition/actions/List_rows/inputs/host/connectionName']],
  ['operation-unknown', 'operation-unknown', ['/properties/definition/actions/Get_items/inputs/host/operationId']],
  ['operation-parameter-missing', 'operation-parameter-missing.json', ['/properties/definition/actions/Update_a_row/inputs/parameters']],
  [
    'operation-parameter-missing',
    'operation-parameter-missing-swagger',
    ['/properties/definition/actions/Create_item/inputs/parameters', '/properties/definition/actions/List_items/inputs/parameters'],
  ],
  ['workflow-reference-missing', 'workflow-reference-missing', ['/properties/definition/actions/Run_a_Child_Flow/inputs/host/workflowReferenceName']],
  ['parameter-undefined', 'parameter-undefined.json', ['/properties/definition/actions/Compose/inputs']],
  ['environment-variable-undefined', 'environment-variable-undefined', ['/properties/definition/parameters/TenantID (admin_TenantID)/metadata/schemaName']],
  ['hardcoded-value', 'hardcoded-value.json', ['/properties/definition/actions/Add_a_row/inputs/parameters/item~1emailaddress1']],
  ['hardcoded-secret', 'hardcoded-secret.json', ['/properties/definition/actions/HTTP/inputs/authentication/password']],
  ['child-flow-contract', 'child-flow-contract', ['/properties/definition/actions/Run_a_Child_Flow/inputs/body']],
  ['workflow-limits', 'workflow-limits.json', ['/properties/definition/actions/Apply_to_each/runtimeConfiguration/concurrency/repetitions']],
];

describe('flow lint rules: one failing fixture per rule', () => {
  it.each(failing)('%s fires on %s (and nothing else does)', async (rule, fixture, pointers) => {
    const { diagnostics } = await lintTarget(join(FIXTURES, fixture));
    expect(diagnostics.map((d) => d.code)).toEqual(pointers.map(() => rule));
    expect(diagnostics.map((d) => d.pointer)).toEqual(pointers);
    for (const d of diagnostics) {
      expect(d.line, `${rule} has a line`).toBeGreaterThan(0);
      expect(d.column).toBeGreaterThan(0);
      expect(d.docsUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(d.severity).toBe(flowRules.get(rule)!.severity);
    }
  });

  it('has a failing fixture for every registered rule', () => {
    expect(new Set(failing.map(([rule]) => rule))).toEqual(new Set(flowRules.keys()));
  });

  it('passes a flow that uses every construct correctly (scopes, loops, Until conditions, Filter array item(), try/catch)', async () => {
    const { diagnostics, flows } = await lintTarget(join(FIXTURES, 'clean-control-flow.json'));
    expect(flows).toBe(1);
    expect(diagnostics).toEqual([]);
  });

  it('points an expression finding at the character of the call in the file', async () => {
    const { diagnostics } = await lintTarget(join(FIXTURES, 'expression-unknown-function.json'));
    const [finding] = diagnostics;
    const { readFileSync } = await import('node:fs');
    const line = readFileSync(join(FIXTURES, 'expression-unknown-function.json'), 'utf8').split('\n')[finding!.line! - 1]!;
    expect(line.slice(finding!.column! - 1)).toMatch(/^toUpperCase\(/);
  });

  it('names the column of a syntax error inside the expression', async () => {
    const { diagnostics } = await lintTarget(join(FIXTURES, 'expression-syntax.json'));
    expect(diagnostics[0]!.message).toMatch(/column 17/);
  });

  it('never echoes the secret it found', async () => {
    const { diagnostics } = await lintTarget(join(FIXTURES, 'hardcoded-secret.json'));
    expect(JSON.stringify(diagnostics)).not.toContain('Winter2024');
  });
});
