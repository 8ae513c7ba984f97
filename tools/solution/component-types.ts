/**
 * Solution component type codes (the `type` of RootComponent and MissingDependency elements), as
 * listed for the solutioncomponent table's componenttype choice. Connection references have no
 * fixed code (they are "dynamic", >= 10000, different per environment), so solutions declare them
 * only in customizations.xml and never as root components.
 */
export const COMPONENT_TYPES = {
  Entity: 1,
  Attribute: 2,
  OptionSet: 9,
  EntityRelationship: 10,
  Role: 20,
  Workflow: 29,
  SystemForm: 60,
  WebResource: 61,
  SiteMap: 62,
  FieldSecurityProfile: 70,
  AppModule: 80,
  CanvasApp: 300,
  Connector: 371,
  CustomConnector: 372,
  EnvironmentVariableDefinition: 380,
  EnvironmentVariableValue: 381,
} as const;

export type ComponentTypeName = keyof typeof COMPONENT_TYPES;

export function componentTypeName(code: number): ComponentTypeName | undefined {
  return (Object.keys(COMPONENT_TYPES) as ComponentTypeName[]).find((name) => COMPONENT_TYPES[name] === code);
}

/** Workflow categories: 5 is a modern (Power Automate) flow, stored as JSON. */
export const WORKFLOW_CATEGORY_MODERN_FLOW = 5;

/** The XML Schema instance namespace every solution XML root declares. */
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

export const LANGUAGE_CODE = '1033';
