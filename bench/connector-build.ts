/**
 * Connector build hot paths, each against a baseline measured in the same run:
 * - loading a source (YAML parse + JSON Schema + semantic checks) vs a bare `yaml.parse` of it;
 * - generating one cloud's four files in memory vs @apidevtools/swagger-parser validating the swagger
 *   (the check every build runs on its output).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import SwaggerParser from '@apidevtools/swagger-parser';
import { measure, printComparison } from './harness.js';
import { projectRoot } from '../tools/core/paths.js';
import { parseConnectorSource } from '../tools/connector/build/load-source.js';
import { resolveCloud } from '../tools/connector/build/clouds.js';
import { generateSwagger } from '../tools/connector/build/generate-swagger.js';
import { generateApiProperties } from '../tools/connector/build/generate-api-properties.js';
import { generateSettings } from '../tools/connector/build/generate-settings.js';
import { renderIcon } from '../tools/connector/build/icon.js';
import { stableStringify } from '../tools/core/stable-json.js';

export async function run(): Promise<void> {
  const file = join(projectRoot(), 'connector', 'office365-management-api.yaml');
  const text = readFileSync(file, 'utf8');

  const load = await measure('load+check source', () => parseConnectorSource(text, file));
  const yamlOnly = await measure('yaml.parse', () => parseYaml(text));
  printComparison('connector source load', load, yamlOnly);

  const { source } = parseConnectorSource(text, file);
  const cloud = resolveCloud(source, 'public', file);
  const generate = await measure('generate 4 files', () => {
    stableStringify(generateSwagger(source, cloud));
    stableStringify(generateApiProperties(source, cloud));
    stableStringify(generateSettings(cloud));
    renderIcon(source.connector.brandColor, source.connector.iconGlyph);
  });
  const swagger = generateSwagger(source, cloud);
  const validate = await measure('swagger-parser validate', () => SwaggerParser.validate(structuredClone(swagger) as never));
  printComparison('connector generate', generate, validate);
}
