import { connectorBuildStep } from '../connector/build/build-step.js';
import { flowsBuildStep } from '../flows/build-step.js';
import { solutionBuildStep } from '../solution/build-step.js';
import { simulateBuildStep } from '../simulate/build-step.js';
/**
 * The steps of `ppkit build` (and so of `npm start`), in order. Each part of ppkit contributes one
 * step that builds its artefacts into the output folder and checks them; a failed step stops the build.
 */
export interface BuildStepContext {
  outDir: string;
  /** One line of progress for humans. */
  log(line: string): void;
}

export interface BuildStepResult {
  step: string;
  ok: boolean;
  /** Files written, relative to outDir. */
  outputs: string[];
  /** Short figures for the summary (counts of findings, sizes). */
  details?: Record<string, unknown>;
}

export interface BuildStep {
  name: string;
  run(context: BuildStepContext): Promise<BuildStepResult>;
}

export const buildSteps: BuildStep[] = [connectorBuildStep, flowsBuildStep, solutionBuildStep, simulateBuildStep];
