import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PpkitError } from '../../tools/core/errors.js';
import { loadRulesetFile, resolveRuleset, type RuleMeta } from '../../tools/diagnostics/index.js';
import { flowRules } from '../../tools/flows/lint/index.js';
import { runPpkit } from '../helpers/cli.js';

const registry = new Map<string, RuleMeta>([
  ['alpha-rule', { id: 'alpha-rule', severity: 'error', description: 'a', docsUrl: 'https://learn.microsoft.com/a' }],
  ['beta-rule', { id: 'beta-rule', severity: 'warning', description: 'b', docsUrl: 'https://learn.microsoft.com/b' }],
  ['cert-rule', { id: 'cert-rule', severity: 'error', description: 'c', docsUrl: 'https://learn.microsoft.com/c' }],
]);
const presets = { lenient: () => new Map([['cert-rule', 'off' as const]]) };
const dir = mkdtempSync(join(tmpdir(), 'ppkit-ruleset-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const settings = (text: string) =>
  Object.fromEntries(loadRulesetFile(file(`r${Math.random()}.yaml`, text), registry, presets).rules.map(({ rule, severity }) => [rule.id, severity]));

describe('shared rulesets', () => {
  it.each([
    ['', { 'alpha-rule': 'error', 'beta-rule': 'warning', 'cert-rule': 'error' }],
    ['extends: lenient\n', { 'alpha-rule': 'error', 'beta-rule': 'warning' }],
    ['rules:\n  alpha-rule: warn\n  beta-rule: off\n', { 'alpha-rule': 'warning', 'cert-rule': 'error' }],
    ['extends: [recommended, lenient]\nrules:\n  cert-rule: 1\n', { 'alpha-rule': 'error', 'beta-rule': 'warning', 'cert-rule': 'warning' }],
  ])('%j gives %j', (text, expected) => {
    expect(settings(text)).toEqual(expected);
  });

  it.each([
    ['rules:\n  alpha: off\n', /2:3: ruleset: unknown rule "alpha" \(did you mean "alpha-rule"\?\)/],
    ['extends: strict\n', /1:1: ruleset: unknown preset "strict"/],
    ['rules:\n  beta-rule: loud\n', /2:3: ruleset: rule "beta-rule": expected off, error/],
    ['other: 1\n', /1:1: ruleset: unknown key "other"/],
    ['- a\n', /ruleset: expected a mapping/],
  ])('bad ruleset %j is refused with its line (exit 2)', (text, message) => {
    try {
      loadRulesetFile(file(`bad${Math.random()}.yaml`, text), registry, presets);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PpkitError);
      expect((error as PpkitError).exitCode).toBe(2);
      expect((error as PpkitError).format()).toMatch(message);
    }
  });

  it('resolves defaults for any checker registry', () => {
    expect(resolveRuleset(flowRules).rules.length).toBe(flowRules.size);
  });

  it('flow lint takes a ruleset that changes severities and turns rules off', () => {
    const flow = file('flow.json', JSON.stringify({ properties: { definition: { triggers: { manual: { type: 'Request', kind: 'Button', inputs: {} } }, actions: { A: { type: 'Compose', inputs: 1, runAfter: { Missing: ['Succeeded'] } } } } } }));
    const strict = runPpkit(['flow', 'lint', flow, '--format', 'json']);
    const diagnostics = (JSON.parse(strict.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics;
    const missing = diagnostics.find((d) => d.code === 'run-after-missing-action');
    expect(missing?.severity).toBe('error');
    const relaxed = runPpkit(['flow', 'lint', flow, '--format', 'json', '--ruleset', file('flows.yaml', 'rules:\n  run-after-missing-action: info\n'), '--fail-severity', 'error']);
    const after = (JSON.parse(relaxed.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics;
    expect(after.find((d) => d.code === 'run-after-missing-action')?.severity).toBe('info');
    const off = runPpkit(['flow', 'lint', flow, '--format', 'json', '--ruleset', file('off.yaml', 'rules:\n  run-after-missing-action: off\n')]);
    expect((JSON.parse(off.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).not.toContain('run-after-missing-action');
  });
});
