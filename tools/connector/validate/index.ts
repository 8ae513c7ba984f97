/** Public API of the connector validator: `ppkit connector validate` and `ppkit build` call these. */
import { discoverConnectors } from './discover.js';
import { validateTargets, type ValidationResult } from './engine.js';
import { loadRulesetFile, recommendedRuleset, type ResolvedRuleset } from './ruleset.js';

export { discoverConnectors, type ConnectorTarget } from './discover.js';
export { validateConnector, validateSources, validateTargets, type ConnectorSources, type ValidationResult } from './engine.js';
export { loadRulesetFile, recommendedRuleset, resolveRuleset, PRESETS, type ResolvedRuleset } from './ruleset.js';
export { rules } from './rules/index.js';

/** Validates every connector found under `paths` (folders, swagger files, folders of many connectors). */
export function validatePaths(paths: readonly string[], options: { ruleset?: ResolvedRuleset; rulesetFile?: string } = {}): ValidationResult {
  const ruleset = options.ruleset ?? (options.rulesetFile ? loadRulesetFile(options.rulesetFile) : recommendedRuleset());
  return validateTargets(discoverConnectors(paths), ruleset);
}
