import { withExamples, type CommandModule } from '../context.js';
import { runDoctor, type DoctorCheck } from '../../mocks/o365/doctor/run-doctor.js';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_RESOURCE, DEFAULT_TENANT_ID, startO365Mock } from '../../mocks/o365/index.js';

interface DoctorOptions {
  baseUrl?: string;
  loginUrl?: string;
  tenant: string;
  clientId: string;
  clientSecret?: string;
  resource: string;
  contentType: string;
  json?: boolean;
}

/** `ppkit doctor`: the setup page's connector checks, each failure mapped to its troubleshooting item. */
export const doctorCommand: CommandModule = {
  register(program, context) {
    withExamples(
      program
        .command('doctor')
        .description("run the audit-log setup checks (token, StartSubscription, ListContent) and map failures to the setup page's troubleshooting list")
        .option('--base-url <url>', 'API root to check (default: a mock started for the run)')
        .option('--login-url <url>', 'token authority (default: the base URL; https://login.microsoftonline.com for the real service)')
        .option('--tenant <id>', 'directory (tenant) id', DEFAULT_TENANT_ID)
        .option('--client-id <id>', 'application (client) id', DEFAULT_CLIENT_ID)
        .option('--client-secret <secret>', 'client secret (or PPKIT_CLIENT_SECRET)')
        .option('--resource <url>', 'the Resource URL configured on the connector', DEFAULT_RESOURCE)
        .option('--content-type <type>', 'content type to subscribe to', 'Audit.General')
        .option('--json', 'print the checks as JSON'),
      'ppkit doctor',
      'ppkit doctor --base-url https://manage.office.com --login-url https://login.microsoftonline.com --tenant <tenant id> --client-id <app id>',
    ).action(
      context.action(async (o: DoctorOptions) => {
        const mock = o.baseUrl ? undefined : await startO365Mock({});
        try {
          const baseUrl = o.baseUrl ?? mock!.url;
          const checks = await runDoctor({
            baseUrl,
            loginUrl: o.loginUrl ?? baseUrl,
            tenant: o.tenant,
            clientId: o.clientId,
            clientSecret: o.clientSecret ?? process.env.PPKIT_CLIENT_SECRET ?? DEFAULT_CLIENT_SECRET,
            resource: o.resource,
            expectedAudience: DEFAULT_RESOURCE,
            contentType: o.contentType,
          });
          const ok = checks.every((c) => c.ok);
          if (o.json) context.io.stdout(`${JSON.stringify({ ok, baseUrl: o.baseUrl ?? 'mock', checks }, null, 2)}\n`);
          else printChecks(checks, o.baseUrl ? baseUrl : `a local mock (${baseUrl})`, (line) => context.io.stdout(`${line}\n`));
          return ok ? 0 : 1;
        } finally {
          await mock?.stop();
        }
      }),
    );
  },
};

function printChecks(checks: DoctorCheck[], target: string, print: (line: string) => void): void {
  print(`checking ${target}`);
  for (const check of checks) {
    print(`${check.ok ? 'ok  ' : 'FAIL'} ${check.id}: ${check.detail}`);
    for (const cause of check.causes) print(`     -> ${cause.id}: ${cause.advice}`);
  }
  print(checks.every((c) => c.ok) ? 'all checks passed: StartSubscription answers 200 as the setup page expects' : 'setup has a problem: see the items above');
}
