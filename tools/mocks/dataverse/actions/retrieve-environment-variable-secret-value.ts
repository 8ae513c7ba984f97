import { dataverseErrors } from '../store/dataverse-error.js';
import type { UnboundAction } from './action.js';

const DEFINITIONS = 'environmentvariabledefinitions';
const VALUES = 'environmentvariablevalues';
/** environmentvariabledefinition.type for a secret kept in Azure Key Vault. */
const SECRET_TYPE = 100000005;

/**
 * `RetrieveEnvironmentVariableSecretValue` ({EnvironmentVariableName}): the value of a Secret-type
 * environment variable, read from the Azure Key Vault secret its value (or default value) refers to
 * (`/subscriptions/…/vaults/<vault>/secrets/<name>`). The emulator has no Key Vault: the secrets are
 * given to it by reference (`startDataverse({secrets})`). Returns {EnvironmentVariableSecretValue}.
 */
export const retrieveEnvironmentVariableSecretValue: UnboundAction = {
  name: 'RetrieveEnvironmentVariableSecretValue',
  run(parameters, context) {
    const name = parameters.EnvironmentVariableName;
    if (typeof name !== 'string' || name === '') throw dataverseErrors.badArgument("RetrieveEnvironmentVariableSecretValue needs 'EnvironmentVariableName' (the variable's schema name).");
    const tables = context.store.tables.byEntitySet;
    const definitions = tables.get(DEFINITIONS);
    if (!definitions) throw dataverseErrors.keyNotFound('environmentvariabledefinition');
    const quoted = `'${name.replace(/'/g, "''")}'`;
    const definition = context.store.query(DEFINITIONS, { filter: `schemaname eq ${quoted}`, top: 1 }).rows[0];
    if (!definition) throw dataverseErrors.keyNotFound('environmentvariabledefinition');
    if (definition.type !== SECRET_TYPE) throw dataverseErrors.badArgument(`The environment variable '${name}' is not of type Secret.`);
    const id = String(definition[definitions.primaryId.logicalName]);
    const current = tables.has(VALUES) && tables.get(VALUES)!.byJsonName.has('_environmentvariabledefinitionid_value')
      ? context.store.query(VALUES, { filter: `_environmentvariabledefinitionid_value eq ${id}`, top: 1 }).rows[0]?.value
      : undefined;
    const reference = typeof current === 'string' && current !== '' ? current : definition.defaultvalue;
    if (typeof reference !== 'string' || reference === '') throw dataverseErrors.badArgument(`The environment variable '${name}' has no value.`);
    const secret = context.secrets?.get(reference);
    if (secret === undefined) throw dataverseErrors.badArgument(`The Azure Key Vault secret '${reference}' of environment variable '${name}' could not be read.`);
    return { EnvironmentVariableSecretValue: secret };
  },
};
