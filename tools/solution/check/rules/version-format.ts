import { childText, firstChild } from '../../../xml/index.js';
import { isValidVersion } from '../../model.js';
import { SOLUTION_XML } from '../../package-files.js';
import type { SolutionRule } from '../context.js';

/** A solution version is major.minor.build.revision, numbers only. */
export const versionFormat: SolutionRule = {
  id: 'version-format',
  severity: 'error',
  description: 'the solution version is major.minor.build.revision',
  docsUrl: 'https://learn.microsoft.com/en-us/power-platform/alm/update-solutions-alm#understanding-version-numbers-for-updates',
  check(context) {
    const root = context.xml.get(SOLUTION_XML);
    const manifest = root ? firstChild(root, 'SolutionManifest') : undefined;
    const version = manifest ? childText(manifest, 'Version') : undefined;
    if (version === undefined) return;
    if (!isValidVersion(version)) context.report({ entry: SOLUTION_XML, message: `<Version> "${version}" must be major.minor.build.revision, numbers up to 2147483647` });
    else if (version.split('.').length < 4) context.report({ entry: SOLUTION_XML, severity: 'warning', message: `<Version> "${version}" has fewer than four parts; exports always write major.minor.build.revision` });
  },
};
