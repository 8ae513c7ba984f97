import { isObject } from '../../wdl/types.js';

/** One parameter of a connector operation as a flow action passes it (`entityName`, `item/name`). */
export interface OperationParameter {
  name: string;
  required: boolean;
}

export interface ConnectorOperations {
  /** Where the operations come from: a swagger file, or `built-in` for ppkit's catalog. */
  source: string;
  /**
   * Whether every operation of the connector is listed: only then is an unknown operationId a
   * finding. The built-in catalog of Microsoft's connectors lists the common operations only.
   */
  complete: boolean;
  operations: Map<string, OperationParameter[]>;
}

/** Connector operations by api name (`shared_commondataserviceforapps`). */
export type ConnectorCatalog = Map<string, ConnectorOperations>;

/** The api name of an OpenApiConnection: `/providers/Microsoft.PowerApps/apis/shared_x` gives `shared_x`. */
export function apiNameOf(apiId: unknown): string | undefined {
  if (typeof apiId !== 'string' || apiId === '') return undefined;
  return apiId.split('/').pop();
}

/**
 * Reads the operations of a Swagger 2.0 connector definition: each operationId with its path,
 * query, header and body parameters as a flow passes them. Required body properties become
 * `<body name>/<property>` keys, the designer's flattened form. A required parameter with a
 * default (often `x-ms-visibility: internal`) is filled by the platform, so it is not required here.
 */
export function operationsFromSwagger(swagger: unknown, source: string): ConnectorOperations {
  const operations = new Map<string, OperationParameter[]>();
  if (!isObject(swagger) || !isObject(swagger.paths)) return { source, complete: true, operations };
  const sharedParameters = isObject(swagger.parameters) ? swagger.parameters : {};
  const definitions = isObject(swagger.definitions) ? swagger.definitions : {};
  const resolve = (node: unknown, pool: Record<string, unknown>, prefix: string): unknown => {
    if (isObject(node) && typeof node.$ref === 'string' && node.$ref.startsWith(prefix)) {
      return pool[decodeURIComponent(node.$ref.slice(prefix.length)).replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  };
  for (const pathItem of Object.values(swagger.paths)) {
    if (!isObject(pathItem)) continue;
    const pathParameters = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const [method, operation] of Object.entries(pathItem)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method) || !isObject(operation)) continue;
      if (typeof operation.operationId !== 'string') continue;
      const parameters: OperationParameter[] = [];
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      for (const raw of [...pathParameters, ...own]) {
        const parameter = resolve(raw, sharedParameters, '#/parameters/');
        if (!isObject(parameter) || typeof parameter.name !== 'string') continue;
        const hasDefault = parameter.default !== undefined;
        if (parameter.in === 'body') {
          const schema = resolve(parameter.schema, definitions, '#/definitions/');
          const required = isObject(schema) && Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : [];
          const properties = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
          parameters.push({ name: parameter.name, required: false });
          for (const property of Object.keys(properties)) {
            const propertySchema = resolve(properties[property], definitions, '#/definitions/');
            const propertyDefault = isObject(propertySchema) && propertySchema.default !== undefined;
            parameters.push({ name: `${parameter.name}/${property}`, required: parameter.required === true && required.includes(property) && !propertyDefault });
          }
        } else {
          parameters.push({ name: parameter.name, required: parameter.required === true && !hasDefault });
        }
      }
      operations.set(operation.operationId, parameters);
    }
  }
  return { source, complete: true, operations };
}
