import { COMPONENT_TYPES } from '../../component-types.js';
import { SOLUTION_XML } from '../../package-files.js';
import type { SolutionRule } from '../context.js';
import { packageFacts } from '../facts.js';

/**
 * Root components and contents agree both ways: each flow (29), custom connector (372), table (1)
 * and environment variable definition (380) listed in solution.xml is in the package, and each one
 * in the package is listed. An unlisted environment variable imports but is not linked to the
 * solution, so it does not travel with later exports (a warning: older exports omit them).
 */
export const rootComponents: SolutionRule = {
  id: 'root-components',
  severity: 'error',
  description: 'root components in solution.xml match the components in the package',
  docsUrl: 'https://learn.microsoft.com/en-us/power-apps/developer/data-platform/reference/entities/solutioncomponent',
  check(context) {
    const facts = packageFacts(context);
    if (!facts.manifest || !facts.customizations) return;
    const byType = (type: number) => facts.roots.filter((r) => r.type === String(type));
    const lower = (s: string | undefined) => (s ?? '').toLowerCase();
    const report = (message: string, entry = SOLUTION_XML, severity?: 'warning') => context.report({ entry, message, severity });

    const flowRoots = byType(COMPONENT_TYPES.Workflow);
    for (const root of flowRoots) if (!facts.workflows.some((w) => w.id === root.id)) report(`root component type 29 {${root.id}} has no <Workflow> in customizations.xml`);
    for (const workflow of facts.workflows) if (!flowRoots.some((r) => r.id === workflow.id)) report(`flow "${workflow.name}" {${workflow.id}} is not a root component (type 29)`);

    const connectorRoots = byType(COMPONENT_TYPES.CustomConnector);
    const connectorMatches = (root: (typeof connectorRoots)[number], c: (typeof facts.connectors)[number]) => (root.id !== undefined && root.id === c.id) || (root.schemaName !== undefined && lower(root.schemaName) === lower(c.name));
    for (const root of connectorRoots) if (!facts.connectors.some((c) => connectorMatches(root, c))) report(`root component type 372 ${root.schemaName ?? `{${root.id}}`} has no <Connector> in customizations.xml`);
    for (const connector of facts.connectors) if (!connectorRoots.some((r) => connectorMatches(r, connector))) report(`custom connector "${connector.name}" is not a root component (type 372)`);

    const entityRoots = byType(COMPONENT_TYPES.Entity);
    for (const root of entityRoots) if (!facts.entities.some((e) => lower(e.name) === lower(root.schemaName))) report(`root component type 1 "${root.schemaName}" has no <Entity> in customizations.xml`);
    for (const entity of facts.entities) if (!entityRoots.some((r) => lower(r.schemaName) === lower(entity.name))) report(`table "${entity.name}" is not a root component (type 1)`);

    const variableRoots = byType(COMPONENT_TYPES.EnvironmentVariableDefinition);
    for (const root of variableRoots) if (!facts.environmentVariables.some((v) => lower(v.schemaName) === lower(root.schemaName))) report(`root component type 380 "${root.schemaName}" has no environmentvariabledefinitions/${root.schemaName}/environmentvariabledefinition.xml`);
    for (const variable of facts.environmentVariables) {
      if (!variableRoots.some((r) => lower(r.schemaName) === lower(variable.schemaName))) {
        report(`environment variable "${variable.schemaName}" is not a root component (type 380): it imports but is not linked to the solution`, SOLUTION_XML, 'warning');
      }
    }
  },
};
