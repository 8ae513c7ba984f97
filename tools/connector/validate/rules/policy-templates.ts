import { DOCS, isObject, type Rule } from '../types.js';

/** The policy templates Microsoft documents (ids compared ignoring case, as real connectors mix casing). */
export const POLICY_TEMPLATE_IDS = [
  'convertarraytoobject',
  'convertobjecttoarray',
  'dynamichosturl',
  'encodepropertyvalue',
  'pollingtrigger',
  'routerequesttoendpoint',
  'setconnectionstatustounauthenticated',
  'setheader',
  'setproperty',
  'setqueryparameter',
  'setvaluefromurl',
  'stringreplace',
  'stringtoarray',
  'updatenextlink',
];

/** policyTemplateInstances use known templates, and `x-ms-apimTemplate-operationName` names operations that exist. */
export const policyTemplates: Rule = {
  id: 'policy-templates',
  // A warning: Microsoft adds templates now and then, and the service knows them before this list does.
  severity: 'warning',
  description: 'policyTemplateInstances use documented template ids and name existing operations',
  docsUrl: DOCS.policies,
  create: ({ index, report }) => ({
    apiProperties(properties) {
      const instances = properties.policyTemplateInstances;
      if (!Array.isArray(instances)) return;
      instances.forEach((instance, i) => {
        if (!isObject(instance)) return;
        const path = ['properties', 'policyTemplateInstances', i];
        if (typeof instance.templateId === 'string' && !POLICY_TEMPLATE_IDS.includes(instance.templateId.toLowerCase())) {
          report({ message: `unknown policy template "${instance.templateId}"`, path: [...path, 'templateId'], file: 'apiProperties' });
        }
        const parameters = isObject(instance.parameters) ? instance.parameters : {};
        const operations = parameters['x-ms-apimTemplate-operationName'];
        if (Array.isArray(operations)) {
          operations.forEach((name, j) => {
            if (typeof name === 'string' && !index.operationsById.has(name)) {
              report({ message: `policy "${String(instance.title ?? instance.templateId)}" applies to operation "${name}", which does not exist`, path: [...path, 'parameters', 'x-ms-apimTemplate-operationName', j], file: 'apiProperties' });
            }
          });
        }
      });
    },
  }),
};
