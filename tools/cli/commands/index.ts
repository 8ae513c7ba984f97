import type { CommandModule } from '../context.js';
import { buildCommand } from './build.js';
import { connectorBuildCommand } from './connector-build.js';
import { connectorValidateCommand } from './connector-validate.js';
import { connectorDiffCommand } from './connector-diff.js';
import { connectorAppRegistrationCommand } from './connector-app-registration.js';
import { flowRenderCommand } from './flow-render.js';
import { flowLintCommand } from './flow-lint.js';
import { flowRunCommand } from './flow-run.js';
import { mockDataverseCommand } from './mock-dataverse.js';
import { mockO365Command } from './mock-o365.js';
import { connectorTestCommand } from './connector-test.js';
import { doctorCommand } from './doctor.js';
import { exprEvalCommand } from './expr-eval.js';

import { solutionPackCommand } from './solution-pack.js';
import { solutionUnpackCommand } from './solution-unpack.js';
import { solutionCheckCommand } from './solution-check.js';
import { solutionSettingsCommand } from './solution-settings.js';
import { solutionLegacyPackageCommand } from './solution-legacy-package.js';
import { simulateCommand } from './simulate.js';
/** Every command group of the CLI, in the order --help lists them. Add a group here, one line. */
export const commandModules: readonly CommandModule[] = [buildCommand, connectorBuildCommand, connectorValidateCommand, connectorDiffCommand, connectorAppRegistrationCommand, flowRenderCommand, flowLintCommand, flowRunCommand, mockDataverseCommand, mockO365Command, connectorTestCommand, doctorCommand, exprEvalCommand, solutionPackCommand, solutionUnpackCommand, solutionCheckCommand, solutionSettingsCommand, solutionLegacyPackageCommand, simulateCommand];
