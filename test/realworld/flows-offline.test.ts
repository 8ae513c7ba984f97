/**
 * Every real flow among the fixtures loads and plans in the engine (no DefinitionError), and the ones
 * that need no external service run: PowerApps-triggered flows answering with a Response, a Do until
 * with a try/catch Scope inside. Sources: fixtures/README.md.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyToJson, loadWorkflow, planWorkflow, runFlow } from '../../tools/engine/index.js';
import { lintTarget } from '../../tools/flows/lint/index.js';
import { runPpkit } from '../helpers/cli.js';
import { FIXTURES } from './fixtures.js';

const NOW = '2026-11-20T12:00:00Z';
const workflowFiles = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .map((name) => name.split('\\').join('/'))
  .filter((name) => statSync(join(FIXTURES, name)).isFile())
  .filter((name) => /\/Workflows\/[^/]+\.json$/.test(name) || /\/Microsoft\.Flow\/flows\/[^/]+\/definition\.json$/.test(name))
  .sort();
const ALM = 'coe-starter-kit/ALMAcceleratorForAdvancedMakers/Workflows';
const PNP = 'powerautomate-samples';

interface HistoryAction { name: string; status: string; repetition?: number[]; outputs?: unknown }

describe('the engine loads and plans every real flow', () => {
  it('finds the fixture flows', () => expect(workflowFiles.length).toBeGreaterThanOrEqual(15));

  it.each(workflowFiles.map((name) => [name]))('%s', async (name) => {
    const { workflow } = await loadWorkflow(join(FIXTURES, name));
    const plan = planWorkflow(workflow);
    expect(plan.actions.size).toBeGreaterThan(0);
  });
});

describe('real flows that run offline', { timeout: 60_000 }, () => {
  it('ParseDeploymentSettings (PowerApps V2 trigger): the Response answers the text it was given', () => {
    const trigger = join(import.meta.dirname, 'inputs', 'parse-deployment-settings.trigger.json');
    const run = runPpkit(['flow', 'run', join(FIXTURES, ALM, 'ParseDeploymentSettings-3C3A56B7-2C04-EC11-94EF-0022481DE3BC.json'), '--trigger', trigger, '--json', '--now', NOW]);
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { status: string; response: { statusCode: number; body: unknown } };
    expect(result.status).toBe('Succeeded');
    expect(result.response).toMatchObject({ statusCode: 200, body: '[{"Name":"ConnectionReference.cat_CDSDevOps","Value":"00000000-0000-0000-0000-000000000000"}]' });
  });

  it("GetCurrentEnvironmentDetails answers workflow(): the flow's name, its run and the tags an app reads", async () => {
    const { workflow } = await loadWorkflow(join(FIXTURES, ALM, 'GetCurrentEnvironmentDetails-A2978AED-BEC7-EB11-BACC-000D3A57E461.json'));
    const result = await runFlow({ workflow, now: NOW, trigger: { headers: {}, body: {} } });
    expect(result.status).toBe('Succeeded');
    const body = result.response?.body as { name: string; run: { name: string }; tags: Record<string, string> };
    expect(result.response?.statusCode).toBe(200);
    expect(body.run.name).toBe(result.runId);
    expect(typeof body.name).toBe('string');
    expect(body.tags.flowDisplayName).toBe('GetCurrentEnvironmentDetails');
    expect(typeof body.tags.environmentName).toBe('string');
  });

  it("exception handling in a Do until: each run ends the way its random work went (div(5, rand(0, 5)) fails on 0)", async () => {
    const { workflow } = await loadWorkflow(join(FIXTURES, PNP, 'exception-handing-in-do-until-loop/Microsoft.Flow/flows/36b8bfc6-708f-433f-a986-e6fe922b95a2/definition.json'));
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const result = await runFlow({ workflow, now: NOW, trigger: { headers: {}, body: {} } });
      const actions = (historyToJson(result.history) as { actions: HistoryAction[] }).actions;
      const work = actions.filter((a) => a.name === 'Actual_work');
      const last = work.at(-1)!;
      expect(work.length).toBeGreaterThanOrEqual(1);
      expect(work.length).toBeLessThanOrEqual(5);
      // Earlier iterations neither failed nor produced 1 (either would have ended the loop).
      for (const earlier of work.slice(0, -1)) {
        expect(earlier.status).toBe('Succeeded');
        expect(earlier.outputs).not.toBe(1);
      }
      const statusOf = (name: string) => actions.find((a) => a.name === name)?.status;
      if (last.status === 'Failed') {
        expect(result.status).toBe('Failed');
        expect(actions.filter((a) => a.name === "On_failure_set_'Do_Until_Status'_to_Exception" && a.status === 'Succeeded')).toHaveLength(1);
        expect(statusOf('Terminate_with_Failed')).toBe('Succeeded');
        seen.add('exception');
      } else if (last.outputs === 1) {
        expect(result.status).toBe('Succeeded');
        expect(statusOf('Terminate_with_Succeeded')).toBe('Succeeded');
        seen.add('complete');
      } else {
        // Five iterations without a result: the loop stops at its count limit, still "processing".
        expect(work).toHaveLength(5);
        expect(result.status).toBe('Failed');
        expect(statusOf('Terminate_with_Failed')).toBe('Succeeded');
        seen.add('limit');
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(1);
  });
});

describe('an Outlook event webhook trigger with splitOn and trigger conditions', { timeout: 60_000 }, () => {
  it('one run per changed event; the deleted one is filtered out by the trigger condition, the added one calls Outlook', () => {
    const trigger = join(import.meta.dirname, 'inputs', 'outlook-changed-events.trigger.json');
    const run = runPpkit(['flow', 'run', join(FIXTURES, PNP, 'Outlook-check-if-meeting-conflicts-with-lunch'), '--trigger', trigger, '--json', '--now', NOW]);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { runs: { status: string; error?: { code: string }; actions?: Record<string, { status: string; error?: { code: string } }> }[] };
    expect(result.runs.map((r) => r.status)).toEqual(['Skipped', 'Failed']);
    expect(result.runs[0]!.error?.code).toBe('TriggerConditionNotMet');
    // No Office 365 connection is bound: the added event's first call fails with a clear code, the rest is skipped.
    expect(result.runs[1]!.actions?.['Get_event_(V3)']).toMatchObject({ status: 'Failed', error: { code: 'ConnectionNotFound' } });
    expect(result.runs[1]!.actions?.Terminate?.status).toBe('Skipped');
  });
});

describe('a Copilot Studio (Power Virtual Agents) flow', () => {
  it('Delaybetweenthemeassage: the VirtualAgent-triggered flow waits 5 seconds on the run clock, then returns to the bot', async () => {
    const { workflow } = await loadWorkflow(join(FIXTURES, 'powerplatform-samples/AIHackSolution_1_0_0_1_managed/Workflows/Delaybetweenthemeassage-6AEBDCDA-6F14-EC11-B6E6-00224808E976.json'));
    const result = await runFlow({ workflow, now: NOW, trigger: { headers: {}, body: {} } });
    expect(result.status).toBe('Succeeded');
    expect(result.response).toEqual({ statusCode: 200, headers: {}, body: {} });
    const delay = (historyToJson(result.history) as { actions: { name: string; startTime: string; endTime: string }[] }).actions.find((a) => a.name === 'Delay')!;
    expect(Date.parse(delay.endTime) - Date.parse(delay.startTime)).toBe(5_000);
    expect(Date.parse(result.endTime) - Date.parse(NOW)).toBe(5_000);
  });
});

describe('secrets found in real flows are named, never echoed', () => {
  it.each([
    [`${PNP}/azure-http-key-vault`, 'Red8Q~REDACTED.redacted.REDACTED.redacte', '/inputs/body'],
    [`${PNP}/azure-content-moderation-text`, 'redactedredactedredactedredacted', '/inputs/headers/Ocp-Apim-Subscription-Key'],
  ])('%s', async (folder, value, pointerEnd) => {
    const { diagnostics } = await lintTarget(join(FIXTURES, folder));
    const secrets = diagnostics.filter((d) => d.code === 'hardcoded-secret');
    expect(secrets).toHaveLength(1);
    expect(secrets[0]!.pointer!.endsWith(pointerEnd)).toBe(true);
    expect(JSON.stringify(diagnostics)).not.toContain(value);
  });
});
