import { componentGuid } from '../../core/ids.js';
import { el, textEl, type XmlElement } from '../../xml/index.js';
import { LANGUAGE_CODE, WORKFLOW_CATEGORY_MODERN_FLOW } from '../component-types.js';
import type { FlowSource } from '../model.js';

/** The id of a flow: derived from its name, so it stays the same across versions and machines. */
export function flowGuid(name: string): string {
  return componentGuid('workflow', name);
}

/** `Workflows/<name without non-alphanumerics>-<GUID UPPERCASE>.json`, as Power Platform names it. */
export function workflowFileName(name: string, guid: string): string {
  return `Workflows/${name.replace(/[^A-Za-z0-9]/g, '')}-${guid.toUpperCase()}.json`;
}

/**
 * The `<Workflow>` element of customizations.xml for a modern flow (Category 5), with the fields
 * and order of a real export. An activated flow is StateCode 1 / StatusCode 2.
 */
export function workflowElement(flow: FlowSource, guid: string, jsonFileName: string): XmlElement {
  return el('Workflow', { WorkflowId: `{${guid}}`, Name: flow.name }, [
    textEl('JsonFileName', `/${jsonFileName}`),
    textEl('Type', 1),
    textEl('Subprocess', 0),
    textEl('Category', WORKFLOW_CATEGORY_MODERN_FLOW),
    textEl('Mode', 0),
    textEl('Scope', 4),
    textEl('OnDemand', 0),
    textEl('TriggerOnCreate', 0),
    textEl('TriggerOnDelete', 0),
    textEl('AsyncAutodelete', 0),
    textEl('SyncWorkflowLogOnFailure', 0),
    textEl('StateCode', flow.activate ? 1 : 0),
    textEl('StatusCode', flow.activate ? 2 : 1),
    textEl('RunAs', 1),
    textEl('IsTransacted', 1),
    textEl('IntroducedVersion', '1.0'),
    textEl('IsCustomizable', 1),
    textEl('IsCustomProcessingStepAllowedForOtherPublishers', 1),
    textEl('PrimaryEntity', 'none'),
    el('LocalizedNames', {}, [el('LocalizedName', { languagecode: LANGUAGE_CODE, description: flow.name })]),
  ]);
}
