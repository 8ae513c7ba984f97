import { el, textEl, type XmlElement } from '../../xml/index.js';
import { LANGUAGE_CODE } from '../component-types.js';
import { ENVIRONMENT_VARIABLE_TYPES, type EnvironmentVariableSource } from '../model.js';

export function environmentVariableFileName(schemaName: string): string {
  return `environmentvariabledefinitions/${schemaName}/environmentvariabledefinition.xml`;
}

/**
 * `environmentvariabledefinition.xml`, element order as Power Platform exports it. A Secret keeps
 * its value in Azure Key Vault (secretstore 0) and never has a default value here.
 */
export function environmentVariableElement(variable: EnvironmentVariableSource): XmlElement {
  const label = (text: string) => el('label', { description: text, languagecode: LANGUAGE_CODE });
  const usesSecretStore = variable.type === 'Secret' || variable.type === 'Data source';
  return el('environmentvariabledefinition', { schemaname: variable.schemaName }, [
    variable.apiId !== undefined && textEl('apiid', variable.apiId.startsWith('/') ? variable.apiId : `/providers/microsoft.powerapps/apis/${variable.apiId}`),
    variable.defaultValue !== undefined && variable.type !== 'Secret' && textEl('defaultvalue', variable.defaultValue),
    variable.description !== undefined && el('description', { default: variable.description }, [label(variable.description)]),
    el('displayname', { default: variable.displayName }, [label(variable.displayName)]),
    textEl('introducedversion', '1.0'),
    textEl('iscustomizable', 1),
    textEl('isrequired', variable.required ? 1 : 0),
    variable.parameterKey !== undefined && textEl('parameterkey', variable.parameterKey),
    usesSecretStore && textEl('secretstore', 0),
    textEl('type', ENVIRONMENT_VARIABLE_TYPES[variable.type]),
  ]);
}
