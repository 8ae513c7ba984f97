/**
 * `npm run bench -- flows`: the flow linter (all rules) on a 480-action flow, against the least any
 * JSON-aware linter does on the same file: parsing it into a located tree with jsonc-parser
 * (the locator's parser). Also `ppkit flow render` of the project's templates against parsing
 * those YAML templates alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../tools/core/paths.js';
import { builtInConnectors } from '../tools/flows/lint/connectors/built-in.js';
import { flowRules, lintFlow } from '../tools/flows/lint/index.js';
import { FlowModel } from '../tools/flows/lint/model/flow-model.js';
import { listTemplates, renderAll } from '../tools/flows/render/index.js';
import { measure, printComparison, printFigure } from './harness.js';

/** 40 groups of 12 actions: a chain of Composes, a condition, a loop with a Dataverse call, all cross-referencing. */
export function largeFlow(): unknown {
  const actions: Record<string, unknown> = {
    Initialize_total: { type: 'InitializeVariable', runAfter: {}, inputs: { variables: [{ name: 'total', type: 'integer', value: 0 }] } },
  };
  let previous = 'Initialize_total';
  for (let g = 0; g < 40; g++) {
    const compose = (i: number) => `Compose_${g}_${i}`;
    for (let i = 0; i < 6; i++) {
      actions[compose(i)] = { type: 'Compose', runAfter: { [previous]: ['Succeeded'] }, inputs: `@concat(string(variables('total')), '-', string(outputs('${previous}')), '${g}/${i}')` };
      previous = compose(i);
    }
    actions[`Condition_${g}`] = {
      type: 'If',
      runAfter: { [previous]: ['Succeeded'] },
      expression: { and: [{ greater: [`@length(outputs('${previous}'))`, 3] }, { not: { equals: [`@variables('total')`, -1] } }] },
      actions: { [`Increment_${g}`]: { type: 'IncrementVariable', runAfter: {}, inputs: { name: 'total', value: 1 } } },
      else: { actions: { [`Compose_else_${g}`]: { type: 'Compose', runAfter: {}, inputs: `@outputs('${previous}')` } } },
    };
    actions[`Loop_${g}`] = {
      type: 'Foreach',
      runAfter: { [`Condition_${g}`]: ['Succeeded'] },
      foreach: "@createArray('a', 'b', 'c')",
      actions: {
        [`Get_row_${g}`]: { type: 'OpenApiConnection', runAfter: {}, inputs: { host: { apiId: '/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps', connectionName: 'shared_commondataserviceforapps', operationId: 'ListRecords' }, parameters: { entityName: 'accounts', $filter: "name eq '@{item()}'", $top: 1 }, authentication: "@parameters('$authentication')" } },
        [`Append_${g}`]: { type: 'Compose', runAfter: { [`Get_row_${g}`]: ['Succeeded'] }, inputs: `@first(outputs('Get_row_${g}')?['body/value'])?['name']` },
      },
    };
    previous = `Loop_${g}`;
  }
  return {
    properties: {
      connectionReferences: { shared_commondataserviceforapps: { api: { name: 'shared_commondataserviceforapps' }, connection: { connectionReferenceLogicalName: 'new_dv' }, runtimeSource: 'embedded' } },
      definition: { parameters: { $authentication: { type: 'SecureObject', defaultValue: {} } }, triggers: { manual: { type: 'Request', kind: 'Button', inputs: {} } }, actions },
    },
    schemaVersion: '1.0.0.0',
  };
}

export async function run(): Promise<void> {
  const document = largeFlow();
  const text = JSON.stringify(document, null, 2);
  const connectors = builtInConnectors();
  const lint = () => lintFlow({ file: 'large.json', text, model: new FlowModel('large.json', JSON.parse(text), 'solution') }, { connectors });
  const findings = lint().length;
  const actions = new FlowModel('large.json', document, 'solution').actions.length;
  printFigure('flow lint', `${actions} actions, ${(text.length / 1024).toFixed(0)} KiB, ${findings} findings`);
  const ours = await measure(`ppkit flow lint (${flowRules.size} rules)`, lint);
  const baseline = await measure('jsonc-parser parseTree', () => parseTree(text));
  printComparison('flow lint, one 480-action flow', ours, baseline);

  const root = projectRoot();
  const templates = listTemplates(root).map((file) => readFileSync(file, 'utf8'));
  const render = await measure('ppkit flow render (3 flows)', () => renderAll({ root }));
  const yamlOnly = await measure('yaml parse of the 3 templates + solution.yaml', () => {
    for (const template of templates) parseYaml(template);
    parseYaml(readFileSync(join(root, 'solution', 'solution.yaml'), 'utf8'));
  });
  printComparison('flow render', render, yamlOnly);
}
