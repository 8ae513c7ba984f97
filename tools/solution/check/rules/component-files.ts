import { firstChild, textOf } from '../../../xml/index.js';
import { CUSTOMIZATIONS_XML } from '../../package-files.js';
import type { SolutionRule } from '../context.js';
import { packageFacts } from '../facts.js';

const CONNECTOR_FILE_ELEMENTS = ['openapidefinition', 'connectionparameters', 'policytemplateinstances', 'iconblob', 'scriptoperations'];

/** Files named in customizations.xml (flow JSON, connector parts) exist; flow JSON files are all named by a workflow. */
export const componentFiles: SolutionRule = {
  id: 'component-files',
  severity: 'error',
  description: 'every file customizations.xml names is in the package, and every flow file is named',
  docsUrl: 'https://learn.microsoft.com/en-us/power-platform/alm/solution-packager-tool',
  check(context) {
    const facts = packageFacts(context);
    const has = (path: string) => context.files.has(path);
    for (const workflow of facts.workflows) {
      if (!workflow.id) context.report({ entry: CUSTOMIZATIONS_XML, message: `workflow "${workflow.name}" has no WorkflowId` });
      const xaml = firstChild(workflow.element, 'XamlFileName');
      if (!workflow.jsonFile && !xaml) context.report({ entry: CUSTOMIZATIONS_XML, message: `workflow "${workflow.name}" has neither JsonFileName nor XamlFileName` });
      if (workflow.jsonFile && !has(workflow.jsonFile)) context.report({ entry: CUSTOMIZATIONS_XML, message: `workflow "${workflow.name}" names /${workflow.jsonFile}, which is not in the package` });
      const category = textOf(firstChild(workflow.element, 'Category')).trim();
      if (workflow.jsonFile && category !== '5') context.report({ entry: CUSTOMIZATIONS_XML, severity: 'warning', message: `workflow "${workflow.name}" has a JSON definition but Category ${category || '(none)'}; modern flows are Category 5` });
    }
    const named = new Set(facts.workflows.map((w) => w.jsonFile?.toLowerCase()));
    for (const [entry] of context.files) {
      if (/^Workflows\/[^/]+\.json$/i.test(entry) && !named.has(entry.toLowerCase())) context.report({ entry, severity: 'warning', message: 'flow file is not named by any <Workflow> in customizations.xml: it will not be imported' });
    }
    for (const connector of facts.connectors) {
      for (const name of CONNECTOR_FILE_ELEMENTS) {
        const value = textOf(firstChild(connector.element, name)).trim();
        if (value && !has(value.replace(/^\/+/, ''))) context.report({ entry: CUSTOMIZATIONS_XML, message: `connector "${connector.name}" names ${value} (${name}), which is not in the package` });
      }
    }
  },
};
