export { renderAll, writeRenderedFlows, listTemplates, customConnectorSources, FLOWS_MANIFEST, type RenderOptions, type RenderResult, type CustomConnectorSource } from './render-all.js';
export { renderFlow, workflowIdFor, environmentVariableParameterName, type RenderedFlow } from './render-flow.js';
export { workflowFileName, workflowIdFromFileName } from './file-names.js';
export { loadProjectSources, type ProjectSources, type ConnectionReferenceInfo, type EnvironmentVariableInfo } from './project-sources.js';
export { loadFlowTemplate, type FlowTemplate, type TemplateParameter } from './template.js';
