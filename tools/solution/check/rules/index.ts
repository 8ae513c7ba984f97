import type { SolutionRule } from '../context.js';
import { componentFiles } from './component-files.js';
import { connectionReferences } from './connection-references.js';
import { contentTypes } from './content-types.js';
import { environmentVariables } from './environment-variables.js';
import { flowPackageShape } from './flow-package-shape.js';
import { flowReferences } from './flow-references.js';
import { manifestShape } from './manifest-shape.js';
import { noSecrets } from './no-secrets.js';
import { requiredFiles } from './required-files.js';
import { rootComponents } from './root-components.js';
import { versionFormat } from './version-format.js';
import { workflowLint } from './workflow-lint.js';
import { xmlWellFormed } from './xml-well-formed.js';

/** Every rule of `ppkit solution check`, by id, in the order they run. */
export const solutionRules: ReadonlyMap<string, SolutionRule> = new Map(
  [requiredFiles, xmlWellFormed, contentTypes, manifestShape, versionFormat, rootComponents, componentFiles, connectionReferences, environmentVariables, flowReferences, noSecrets, workflowLint].map((rule) => [rule.id, rule]),
);

/** The rules for a legacy flow package (manifest.json + Microsoft.Flow/flows/...), a package without solution.xml. */
export const flowPackageRules: ReadonlyMap<string, SolutionRule> = new Map([xmlWellFormed, flowPackageShape, noSecrets, workflowLint].map((rule) => [rule.id, rule]));
