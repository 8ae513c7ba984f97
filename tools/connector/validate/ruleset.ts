/**
 * The connector validator's rulesets, on the shared mechanism of tools/diagnostics/ruleset.ts.
 * Presets: `recommended` (every rule at its default) and `custom-connector` (certification-only
 * rules off: a company's own connector need not meet them).
 */
import { loadRulesetFile as loadSharedRuleset, resolveRuleset as resolveShared, type ResolvedRuleset as SharedResolved, type RuleSetting, type Severity } from '../../diagnostics/index.js';
import { rules } from './rules/index.js';
import type { Rule } from './types.js';

export type ResolvedRuleset = SharedResolved<Rule>;

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
  recommended: (): Map<string, RuleSetting> => new Map(),
  'custom-connector': (): Map<string, RuleSetting> => new Map([...CERTIFICATION_ONLY_RULES].map((id) => [id, 'off' as const])),
} as const;

export type PresetName = keyof typeof PRESETS;

export function resolveRuleset(overrides: ReadonlyMap<string, Severity | 'off'> = new Map()): ResolvedRuleset {
  return resolveShared(rules, overrides);
}

export function recommendedRuleset(): ResolvedRuleset {
  return resolveRuleset();
}

export function loadRulesetFile(file: string): ResolvedRuleset {
  return loadSharedRuleset(file, rules, PRESETS);
}
