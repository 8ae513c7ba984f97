/**
 * `npm run bench -- connector-validate`: ppkit's connector validator over the real-connector corpus
 * sample, 1,000 connector validations, against Spectral's default OAS ruleset
 * (@stoplight/spectral-core + spectral-rulesets `oas` + spectral-parsers, its JS API) on the same
 * swagger files in the same run. Both read the files from disk on every pass, as a CI run would.
 * Spectral checks the swagger only; ppkit also parses and checks apiProperties.json (and script.csx).
 *
 * The two are measured in interleaved rounds (ppkit 200 connectors, then Spectral 8 files, five
 * times), so a busy shared machine slows both alike and the ratio stays meaningful; CPU seconds
 * are printed beside wall seconds for the same reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import spectralCore from '@stoplight/spectral-core';
import spectralParsers from '@stoplight/spectral-parsers';
import spectralRulesets from '@stoplight/spectral-rulesets';
import { discoverConnectors, recommendedRuleset, validateTargets, type ConnectorTarget } from '../tools/connector/validate/index.js';
import { projectRoot } from '../tools/core/paths.js';
import { printComparison, printFigure, type Measurement } from './harness.js';

// The shared folder sits beside the project; found from the project root, so that the bench runs from the build as from sources.
const CORPUS = process.env.PPKIT_CONNECTOR_CORPUS ?? join(projectRoot(), '..', 'shared', 'corpus', 'connectors');
const ROUNDS = 5;
const OURS_PER_ROUND = 200;

interface Tally {
  ops: number;
  wallMs: number;
  cpuMs: number;
  findings: number;
}

async function timed(tally: Tally, ops: number, body: () => Promise<number> | number): Promise<void> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  tally.findings += await body();
  tally.wallMs += performance.now() - start;
  const used = process.cpuUsage(cpu);
  tally.cpuMs += (used.user + used.system) / 1000;
  tally.ops += ops;
}

export async function run(): Promise<void> {
  const targets = discoverConnectors([CORPUS]);
  const swaggers = targets.flatMap((t) => (t.swaggerFile ? [t.swaggerFile] : []));
  const ruleset = recommendedRuleset();
  const { Spectral, Document } = spectralCore as unknown as typeof import('@stoplight/spectral-core');
  const { Json } = spectralParsers as unknown as typeof import('@stoplight/spectral-parsers');
  const spectral = new Spectral();
  spectral.setRuleset((spectralRulesets as unknown as typeof import('@stoplight/spectral-rulesets')).oas as Parameters<typeof spectral.setRuleset>[0]);
  const spectralRun = async (files: string[]) => {
    let results = 0;
    for (const file of files) results += (await spectral.run(new Document(readFileSync(file, 'utf8'), Json, file))).length;
    return results;
  };
  const oursRun = (list: ConnectorTarget[]) => validateTargets(list, ruleset).diagnostics.length;

  // Warm-up both: JSON Schema compilation, Spectral's ruleset setup, JIT.
  oursRun(targets);
  await spectralRun(swaggers.slice(0, 2));

  const ours: Tally = { ops: 0, wallMs: 0, cpuMs: 0, findings: 0 };
  const theirs: Tally = { ops: 0, wallMs: 0, cpuMs: 0, findings: 0 };
  const perRound = Math.ceil(swaggers.length / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const batch: ConnectorTarget[] = [];
    for (let i = 0; batch.length < OURS_PER_ROUND; i++) batch.push(targets[i % targets.length]!);
    await timed(ours, batch.length, () => oursRun(batch));
    const files = swaggers.slice(round * perRound, (round + 1) * perRound);
    await timed(theirs, files.length, () => spectralRun(files));
  }

  const rate = (t: Tally): Measurement & { cpuPerSecond: number } => ({ name: '', ops: t.ops, ms: t.wallMs, perSecond: (t.ops / t.wallMs) * 1000, cpuPerSecond: (t.ops / t.cpuMs) * 1000 });
  const a = { ...rate(ours), name: 'ppkit connector validate' };
  const b = { ...rate(theirs), name: 'spectral:oas' };
  printFigure(`ppkit: ${ours.ops} connector validations (${targets.length} corpus connectors, ${ours.ops / targets.length} passes)`, `${(ours.wallMs / 1000).toFixed(2)} s wall, ${(ours.cpuMs / 1000).toFixed(2)} s CPU, ${a.perSecond.toFixed(1)} files/s`);
  printFigure(`spectral:oas: ${theirs.ops} swagger files (the same corpus, once)`, `${(theirs.wallMs / 1000).toFixed(2)} s wall, ${(theirs.cpuMs / 1000).toFixed(2)} s CPU, ${b.perSecond.toFixed(1)} files/s`);
  printComparison('connector validation, files/s (wall)', a, b);
  printFigure('connector validation, files/s (CPU time)', `${a.cpuPerSecond.toFixed(1)}/s vs ${b.cpuPerSecond.toFixed(1)}/s -> ${(a.cpuPerSecond / b.cpuPerSecond).toFixed(2)}x`);
  printFigure('1,000 connectors with ppkit', `${(1000 / a.perSecond).toFixed(2)} s wall, ${(1000 / a.cpuPerSecond).toFixed(2)} s CPU (goal <= 10 s)`);
}
