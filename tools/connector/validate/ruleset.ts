/**
 * Rulesets: which rules run and at what severity. Presets come from the rules' own defaults;
 * a YAML file (like .spectral.yaml or an ESLint config) extends a preset and overrides rules:
 *
 *   extends: recommended          # or custom-connector: certification-only rules off
 *   rules:
 *     operation-summary: off
 *     info-title: warning
 *
 * Bad files are refused with the file, line and what was expected (exit 2, like ESLint's config errors).
 */
import { PpkitError } from '../../core/errors.js';
import { readYamlFile } from '../../core/read-input.js';
import { isSeverity, type Severity } from '../../diagnostics/index.js';
import { rules } from './rules/index.js';
import type { Rule } from './types.js';
import { isObject } from './types.js';

export interface ResolvedRuleset {
  /** Enabled rules with their effective severity, in registry order. */
  rules: { rule: Rule; severity: Severity }[];
}

/** Rules only certification asks for; a company's own custom connector need not meet them. */
export const CERTIFICATION_ONLY_RULES = new Set([
  'info-contact',
  'info-title',
  'info-description',
  'connector-metadata',
  'publisher-stack-owner',
  'icon-brand-color-certified',
]);

export const PRESETS = {
  recommended: (): Map<string, Severity | 'off'> => new Map(),
  'custom-connector': (): Map<string, Severity | 'off'> => new Map([...CERTIFICATION_ONLY_RULES].map((id) => [id, 'off' as const])),
} as const;

export type PresetName = keyof typeof PRESETS;

export function resolveRuleset(overrides: ReadonlyMap<string, Severity | 'off'> = new Map()): ResolvedRuleset {
  const enabled: ResolvedRuleset['rules'] = [];
  for (const rule of rules.values()) {
    const setting = overrides.get(rule.id) ?? rule.severity;
    if (setting !== 'off') enabled.push({ rule, severity: setting });
  }
  return { rules: enabled };
}

export function recommendedRuleset(): ResolvedRuleset {
  return resolveRuleset();
}

const SEVERITY_ALIASES: Record<string, Severity | 'off'> = { off: 'off', warn: 'warning', '0': 'off', '1': 'warning', '2': 'error' };

export function loadRulesetFile(file: string): ResolvedRuleset {
  const source = readYamlFile(file);
  const fail = (message: string, path: (string | number)[]): never => {
    const at = source.locate(path);
    throw new PpkitError(`ruleset: ${message}`, { file, line: at.line, column: at.column }, 2);
  };
  const value = source.value ?? {};
  if (!isObject(value)) fail('expected a mapping with "extends" and/or "rules"', []);
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) if (key !== 'extends' && key !== 'rules') fail(`unknown key "${key}": expected "extends" or "rules"`, [key]);
  const overrides = new Map<string, Severity | 'off'>();
  const extendsList = config.extends === undefined ? ['recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
  extendsList.forEach((name, i) => {
    const preset = String(name).replace(/^ppkit:/, '');
    if (!(preset in PRESETS)) fail(`unknown preset "${String(name)}": expected ${Object.keys(PRESETS).join(' or ')}`, Array.isArray(config.extends) ? ['extends', i] : ['extends']);
    for (const [id, setting] of PRESETS[preset as PresetName]()) overrides.set(id, setting);
  });
  if (config.rules !== undefined && !isObject(config.rules)) fail('"rules" must be a mapping of rule id to severity', ['rules']);
  for (const [id, raw] of Object.entries((config.rules as Record<string, unknown> | undefined) ?? {})) {
    if (!rules.has(id)) fail(`unknown rule "${id}"${suggest(id)}`, ['rules', id]);
    const settingValue = Array.isArray(raw) ? raw[0] : raw;
    const text = String(settingValue);
    const setting = SEVERITY_ALIASES[text] ?? (isSeverity(text) ? text : undefined);
    if (!setting) fail(`rule "${id}": expected off, error, warning, info or hint, got "${text}"`, ['rules', id]);
    overrides.set(id, setting!);
  }
  return resolveRuleset(overrides);
}

function suggest(id: string): string {
  const close = [...rules.keys()].find((known) => known.includes(id) || id.includes(known));
  return close ? ` (did you mean "${close}"?)` : '';
}
