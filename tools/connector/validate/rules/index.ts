/**
 * Every connector rule, registered explicitly (no filesystem scan): the id is the file name.
 * Order is the order findings of equal position are listed in.
 */
import type { Rule } from '../types.js';
import { jsonStrict } from './json-strict.js';
import { swaggerSchema } from './swagger-schema.js';
import { swaggerVersion } from './swagger-version.js';
import { hostValid } from './host-valid.js';
import { basePathValid } from './base-path-valid.js';
import { schemesValid } from './schemes-valid.js';
import { schemesHttps } from './schemes-https.js';
import { infoTitle } from './info-title.js';
import { infoDescription } from './info-description.js';
import { infoContact } from './info-contact.js';
import { connectorMetadata } from './connector-metadata.js';
import { operationIdRequired } from './operation-id-required.js';
import { operationIdUnique } from './operation-id-unique.js';
import { operationIdFormat } from './operation-id-format.js';
import { operationIdPascalCase } from './operation-id-pascal-case.js';
import { operationSummary } from './operation-summary.js';
import { operationDescription } from './operation-description.js';
import { operationResponses } from './operation-responses.js';
import { defaultResponseSchema } from './default-response-schema.js';
import { responseSchemaPlacement } from './response-schema-placement.js';
import { responseSchemaEmpty } from './response-schema-empty.js';
import { pathFormat } from './path-format.js';
import { pathParameters } from './path-parameters.js';
import { pathParameterEncoding } from './path-parameter-encoding.js';
import { bodyParameters } from './body-parameters.js';
import { connectionIdParameter } from './connection-id-parameter.js';
import { consumesForBody } from './consumes-for-body.js';
import { fileParameterInFormData } from './file-parameter-in-form-data.js';
import { refValid } from './ref-valid.js';
import { schemaRequired } from './schema-required.js';
import { enumValid } from './enum-valid.js';
import { schemaConstraints } from './schema-constraints.js';
import { visibilityValues } from './visibility-values.js';
import { parameterSummary } from './parameter-summary.js';
import { responsePropertySummary } from './response-property-summary.js';
import { dynamicValues } from './dynamic-values.js';
import { dynamicSchema } from './dynamic-schema.js';
import { triggerShape } from './trigger-shape.js';
import { notificationExtensions } from './notification-extensions.js';
import { capabilities } from './capabilities.js';
import { apiAnnotation } from './api-annotation.js';
import { pageableNextLink } from './pageable-next-link.js';
import { securityRequirements } from './security-requirements.js';
import { securityConnectionParameters } from './security-connection-parameters.js';
import { oauthIdentityProvider } from './oauth-identity-provider.js';
import { fileSize } from './file-size.js';
import { iconPresent } from './icon-present.js';
import { iconFormat } from './icon-format.js';
import { apiPropertiesMissing } from './api-properties-missing.js';
import { apiPropertiesSchemaRule } from './api-properties-schema.js';
import { apiPropertiesKnownKeys } from './api-properties-known-keys.js';
import { iconBrandColor } from './icon-brand-color.js';
import { iconBrandColorCertified } from './icon-brand-color-certified.js';
import { publisherStackOwner } from './publisher-stack-owner.js';
import { policyTemplates } from './policy-templates.js';
import { scriptOperations } from './script-operations.js';
import { scriptStructure } from './script-structure.js';

const all: Rule[] = [
  jsonStrict,
  swaggerSchema,
  swaggerVersion,
  hostValid,
  basePathValid,
  schemesValid,
  schemesHttps,
  infoTitle,
  infoDescription,
  infoContact,
  connectorMetadata,
  operationIdRequired,
  operationIdUnique,
  operationIdFormat,
  operationIdPascalCase,
  operationSummary,
  operationDescription,
  operationResponses,
  defaultResponseSchema,
  responseSchemaPlacement,
  responseSchemaEmpty,
  pathFormat,
  pathParameters,
  pathParameterEncoding,
  bodyParameters,
  connectionIdParameter,
  consumesForBody,
  fileParameterInFormData,
  refValid,
  schemaRequired,
  enumValid,
  schemaConstraints,
  visibilityValues,
  parameterSummary,
  responsePropertySummary,
  dynamicValues,
  dynamicSchema,
  triggerShape,
  notificationExtensions,
  capabilities,
  apiAnnotation,
  pageableNextLink,
  securityRequirements,
  securityConnectionParameters,
  oauthIdentityProvider,
  fileSize,
  iconPresent,
  iconFormat,
  apiPropertiesMissing,
  apiPropertiesSchemaRule,
  apiPropertiesKnownKeys,
  iconBrandColor,
  iconBrandColorCertified,
  publisherStackOwner,
  policyTemplates,
  scriptOperations,
  scriptStructure,
];

export const rules: ReadonlyMap<string, Rule> = new Map(all.map((rule) => [rule.id, rule]));
