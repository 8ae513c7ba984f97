import { commandGroup, withExamples, type CommandModule } from '../context.js';
import { appRegistrationReport, formatAppRegistration } from '../../connector/build/app-registration.js';

/** `ppkit connector app-registration`: the Azure AD permissions the Office 365 Management API connector needs. */
export const connectorAppRegistrationCommand: CommandModule = {
  register(program, context) {
    const group = commandGroup(program, 'connector', 'build and check Power Platform custom connectors', 'ppkit connector build', 'ppkit connector app-registration');
    withExamples(
      group
        .command('app-registration')
        .description("print the Azure AD app registration permissions (requiredResourceAccess) for the Office 365 Management APIs")
        .option('--service-principal <file>', 'JSON of the resource service principal from your tenant (az ad sp show --id https://manage.office.com), to fill in verified ids')
        .option('--json', 'print JSON'),
      'ppkit connector app-registration',
      'az ad sp show --id https://manage.office.com > sp.json && ppkit connector app-registration --service-principal sp.json --json',
    ).action(
      context.action((options: { servicePrincipal?: string; json?: boolean }) => {
        const report = appRegistrationReport(options.servicePrincipal);
        context.io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatAppRegistration(report));
        return 0;
      }),
    );
  },
};
