/**
 * The connector source format (`connector/*.yaml`): a small, reviewable description of one
 * Power Platform custom connector from which `ppkit connector build` generates the files that
 * Power Platform, paconn and `pac connector` read. The JSON Schema that checks it is in
 * source-schema.ts; the two are kept in step by the loader tests.
 */
export type CloudName = 'public' | 'gcc' | 'gcch' | 'dod';
export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Visibility = 'important' | 'advanced' | 'internal';
export type PrimitiveType = 'string' | 'integer' | 'number' | 'boolean';

export interface ConnectorSource {
  connector: ConnectorInfo;
  /** Per cloud: API host and, for Azure AD auth, the token resource. Only these clouds are built. */
  clouds: Partial<Record<CloudName, CloudEndpoint>>;
  basePath: string;
  auth: AuthSource;
  /** Shared parameters, used from operations as `- ref: <key>`. */
  parameters?: Record<string, ParameterSource>;
  /** Response and body schemas, used as `ref: <key>`. */
  definitions?: Record<string, SchemaSource>;
  operations: OperationSource[];
}

export interface ConnectorInfo {
  /** Solution-level connector name (the Dataverse `name` of the connector component). */
  solutionName: string;
  /** Display name: swagger info.title, which paconn and the maker portal show. */
  title: string;
  description: string;
  version: string;
  publisher: string;
  stackOwner: string;
  /** `#rrggbb`, apiProperties iconBrandColor and the icon's background. */
  brandColor: string;
  /** Which pictogram the generated icon draws on the brand colour. */
  iconGlyph: IconGlyph;
  contact?: { name?: string; url?: string; email?: string };
  website: string;
  privacyPolicy: string;
  categories: string[];
}

export type IconGlyph = 'document' | 'shield';

export interface CloudEndpoint {
  host: string;
  /** Azure AD resource (audience) of the API in this cloud. */
  resource?: string;
  /** Overrides the cloud's default Azure AD login host (https://login.windows.net, ...). */
  login?: string;
}

export type AuthSource = AadAuthSource | BasicAuthSource;

export interface AadAuthSource {
  type: 'aad';
  /** Tenant the connection signs in to; `common` lets any tenant's admin sign in. */
  tenantId: string;
  /** Client id of the Azure AD app registration; `--client-id` overrides it at build time. */
  clientId?: string;
  scopes?: string[];
  /** Offer "on behalf of" login (Power Platform's enableOnbehalfOfLogin). */
  onBehalfOfLogin?: boolean;
}

export interface BasicAuthSource {
  type: 'basic';
  username: ConnectionFieldSource;
  password: ConnectionFieldSource;
}

export interface ConnectionFieldSource {
  displayName: string;
  description: string;
  tooltip?: string;
}

export interface ParameterSource {
  name: string;
  in: 'path' | 'query' | 'header';
  summary: string;
  description: string;
  type: PrimitiveType;
  format?: string;
  enum?: (string | number)[];
  default?: string | number | boolean;
  required?: boolean;
  visibility?: Visibility;
}

export interface ParameterRef {
  ref: string;
}

export interface SchemaSource {
  ref?: string;
  type?: 'object' | 'array' | PrimitiveType;
  format?: string;
  summary?: string;
  description?: string;
  visibility?: Visibility;
  enum?: (string | number)[];
  default?: unknown;
  properties?: Record<string, SchemaSource>;
  required?: string[];
  items?: SchemaSource;
  /** Marks the webhook address the platform fills in (x-ms-notification-url). */
  notificationUrl?: boolean;
}

export interface BodySource {
  summary: string;
  description: string;
  required?: boolean;
  visibility?: Visibility;
  schema: SchemaSource;
}

export interface ResponseHeaderSource {
  type: PrimitiveType;
  summary: string;
  description: string;
}

export interface ResponseSource {
  description: string;
  schema?: SchemaSource;
  headers?: Record<string, ResponseHeaderSource>;
}

export interface OperationSource {
  operationId: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description: string;
  visibility?: Visibility;
  deprecated?: boolean;
  /** Webhook trigger kind (x-ms-trigger). */
  trigger?: 'single' | 'batch';
  parameters?: (ParameterRef | ParameterSource)[];
  body?: BodySource;
  responses: Record<string, ResponseSource>;
  /** What the webhook posts to the notification URL (x-ms-notification-content). */
  notificationContent?: { description: string; schema: SchemaSource };
}
