/**
 * Rulesets for every checker (connector validator, flow linter, solution checker): which rules run
 * and at what severity. Rules declare a default severity; presets and a YAML file (like
 * .spectral.yaml or an ESLint config) override it:
 *
 *   extends: recommended          # a preset the checker offers
 *   rules:
 *     operation-summary: off
 *     info-title: warning
 *
 * Bad files are refused with the file, line and what was expected (exit 2, like ESLint's config errors).
 */
import { PpkitError } from '../core/errors.js';
import { readYamlFile } from '../core/read-input.js';
import { isSeverity, type Severity } from './diagnostic.js';

/** What every rule of every checker declares; checkers add their own `create`. */
export interface RuleMeta {
  /** kebab-case id, the file name of the rule. */
  id: string;
  /** Severity in the `recommended` preset. */
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** Microsoft's page the rule is taken from. */
  docsUrl: string;
}

export type RuleSetting = Severity | 'off';

/** Preset name -> the overrides it applies on top of the rules' defaults. */
export type Presets = Readonly<Record<string, () => ReadonlyMap<string, RuleSetting>>>;

export interface ResolvedRuleset<R extends RuleMeta> {
  /** Enabled rules with their effective severity, in registry order. */
  rules: { rule: R; severity: Severity }[];
}

export function resolveRuleset<R extends RuleMeta>(registry: ReadonlyMap<string, R>, overrides: ReadonlyMap<string, RuleSetting> = new Map()): ResolvedRuleset<R> {
  const enabled: ResolvedRuleset<R>['rules'] = [];
  for (const rule of registry.values()) {
    const setting = overrides.get(rule.id) ?? rule.severity;
    if (setting !== 'off') enabled.push({ rule, severity: setting });
  }
  return { rules: enabled };
}

const SEVERITY_ALIASES: Record<string, RuleSetting> = { off: 'off', warn: 'warning', '0': 'off', '1': 'warning', '2': 'error' };

/** Reads a ruleset YAML file against a checker's rule registry and presets (`recommended` is always there). */
export function loadRulesetFile<R extends RuleMeta>(file: string, registry: ReadonlyMap<string, R>, presets: Presets = {}): ResolvedRuleset<R> {
  const allPresets: Presets = { recommended: () => new Map(), ...presets };
  const source = readYamlFile(file);
  const fail = (message: string, path: (string | number)[]): never => {
    const at = source.locate(path);
    throw new PpkitError(`ruleset: ${message}`, { file, line: at.line, column: at.column }, 2);
  };
  const value = source.value ?? {};
  if (typeof value !== 'object' || Array.isArray(value)) fail('expected a mapping with "extends" and/or "rules"', []);
  const config = value as Record<string, unknown>;
  for (const key of Object.keys(config)) if (key !== 'extends' && key !== 'rules') fail(`unknown key "${key}": expected "extends" or "rules"`, [key]);
  const overrides = new Map<string, RuleSetting>();
  const extendsList = config.extends === undefined ? ['recommended'] : Array.isArray(config.extends) ? config.extends : [config.extends];
  extendsList.forEach((name, i) => {
    const preset = String(name).replace(/^ppkit:/, '');
    const apply = Object.hasOwn(allPresets, preset) ? allPresets[preset] : undefined;
    if (!apply) fail(`unknown preset "${String(name)}": expected ${Object.keys(allPresets).join(' or ')}`, Array.isArray(config.extends) ? ['extends', i] : ['extends']);
    for (const [id, setting] of apply!()) overrides.set(id, setting);
  });
  const rules = config.rules;
  if (rules !== undefined && (typeof rules !== 'object' || rules === null || Array.isArray(rules))) fail('"rules" must be a mapping of rule id to severity', ['rules']);
  for (const [id, raw] of Object.entries((rules as Record<string, unknown> | undefined) ?? {})) {
    if (!registry.has(id)) fail(`unknown rule "${id}"${suggest(id, registry)}`, ['rules', id]);
    const text = String(Array.isArray(raw) ? raw[0] : raw);
    const setting = SEVERITY_ALIASES[text] ?? (isSeverity(text) ? text : undefined);
    if (!setting) fail(`rule "${id}": expected off, error, warning, info or hint, got "${text}"`, ['rules', id]);
    overrides.set(id, setting!);
  }
  return resolveRuleset(registry, overrides);
}

function suggest(id: string, registry: ReadonlyMap<string, RuleMeta>): string {
  const close = [...registry.keys()].find((known) => known.includes(id) || id.includes(known));
  return close ? ` (did you mean "${close}"?)` : '';
}
