import { InputError } from '../../core/errors.js';
import { readJsonFile } from '../../core/read-input.js';

/**
 * A secrets file for the emulator: `{"<Key Vault secret reference>": "<value>"}`, the values
 * RetrieveEnvironmentVariableSecretValue returns for Secret-type environment variables whose value
 * is that reference (`/subscriptions/…/providers/Microsoft.KeyVault/vaults/<vault>/secrets/<name>`).
 */
export function readSecretsFile(file: string): Record<string, string> {
  const value = readJsonFile(file);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('expected a JSON object of Key Vault secret references to secret values', { file, pointer: '/' });
  }
  for (const [reference, secret] of Object.entries(value)) {
    // The message names the reference, never the secret.
    if (typeof secret !== 'string') throw new InputError(`expected the secret of "${reference}" to be a string`, { file, pointer: `/${reference.replace(/~/g, '~0').replace(/\//g, '~1')}` });
  }
  return value as Record<string, string>;
}
