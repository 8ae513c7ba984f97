import { attr, childText } from '../../../xml/index.js';
import { environmentVariableTypeName } from '../../model.js';
import type { SolutionRule } from '../context.js';
import { packageFacts } from '../facts.js';

/** Each environmentvariabledefinition.xml names its own folder, has a known type and a default that fits it. */
export const environmentVariables: SolutionRule = {
  id: 'environment-variables',
  severity: 'error',
  description: 'environment variable definitions are well-formed and typed',
  docsUrl: 'https://learn.microsoft.com/en-us/power-apps/maker/data-platform/environmentvariables',
  check(context) {
    for (const variable of packageFacts(context).environmentVariables) {
      const element = variable.element;
      if (!element) continue;
      const report = (message: string) => context.report({ entry: variable.entry, message });
      if (element.name !== 'environmentvariabledefinition') {
        report(`root element is <${element.name}>, expected <environmentvariabledefinition>`);
        continue;
      }
      const schema = attr(element, 'schemaname');
      if (schema !== variable.schemaName) report(`schemaname "${schema ?? ''}" must equal its folder name "${variable.schemaName}"`);
      const typeText = childText(element, 'type');
      const type = environmentVariableTypeName(Number(typeText));
      if (!type) {
        report(`<type> "${typeText ?? ''}" is not an environment variable type (100000000 String ... 100000005 Secret)`);
        continue;
      }
      const value = childText(element, 'defaultvalue');
      if (value === undefined) continue;
      if (type === 'Secret') report('a Secret variable must not carry a default value (its value is a Key Vault reference)');
      if (type === 'Number' && !/^-?\d+(\.\d+)?$/.test(value)) report(`default value "${value}" of a Number variable is not a number`);
      if (type === 'Boolean' && !['yes', 'no', 'true', 'false'].includes(value.toLowerCase())) report(`default value "${value}" of a Boolean variable is not yes/no`);
      if (type === 'JSON') {
        try {
          JSON.parse(value);
        } catch {
          report('default value of a JSON variable is not valid JSON');
        }
      }
    }
  },
};
