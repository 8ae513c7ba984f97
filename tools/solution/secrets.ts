import type { PackageFiles } from './package-files.js';

export interface SecretFinding {
  entry: string;
  /** What was found, never the value itself. */
  where: string;
}

/**
 * Looks for secrets in package files: a non-empty `clientSecret`/`client_secret`/`password` value in
 * JSON or XML. Packages go to other people and other tenants; a client secret must never travel in one.
 */
export function findSecrets(files: PackageFiles): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const jsonSecret = /"(client_?secret|password)"\s*:\s*"([^"]+)"/i;
  const xmlSecret = /<(client_?secret|password)>([^<]+)</i;
  for (const [entry, bytes] of files) {
    if (!/\.(json|xml)$/i.test(entry)) continue;
    const text = bytes.toString('utf8');
    const match = jsonSecret.exec(text) ?? xmlSecret.exec(text);
    // Flow parameters may name a secret by reference (@parameters('x')); only literal values count.
    if (match && !match[2]!.startsWith('@')) findings.push({ entry, where: `key "${match[1]}"` });
  }
  return findings;
}
