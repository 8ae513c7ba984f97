import { describe, expect, it } from 'vitest';
import { parseYamlText, readTextFile } from '../../tools/core/read-input.js';
import { ENVIRONMENT_VARIABLE_TYPES, isValidVersion, loadSolutionSource, parseSolutionSource } from '../../tools/solution/model.js';
import { SOLUTION_YAML } from './helpers.js';

const base = readTextFile(SOLUTION_YAML);

describe('solution.yaml', () => {
  it('loads the shipped solution', () => {
    const source = loadSolutionSource(SOLUTION_YAML);
    expect(source.uniqueName).toBe('CenterofExcellenceAuditLogs');
    expect(source.environmentVariables.map((v) => [v.schemaName, v.type, v.defaultValue])).toEqual([
      ['admin_TenantID', 'String', undefined],
      ['admin_StartTimeInterval', 'Number', '1'],
      ['admin_StartTimeUnit', 'String', 'Day'],
      ['admin_TimeIntervalInterval', 'Number', '1'],
      ['admin_TimeIntervalUnit', 'String', 'Hour'],
      ['admin_TimeSegmentsCountLimit', 'Number', '60'],
      ['admin_AdminMail', 'String', undefined],
    ]);
    expect(source.tables[0]!.columns.map((c) => c.logicalName)).toEqual(['admin_title', 'admin_creationtime', 'admin_appid', 'admin_operation', 'admin_userupn', 'admin_workload']);
  });

  it('knows the environment variable type codes', () => {
    expect(ENVIRONMENT_VARIABLE_TYPES).toEqual({ String: 100000000, Number: 100000001, Boolean: 100000002, JSON: 100000003, 'Data source': 100000004, Secret: 100000005 });
  });

  it.each([
    ['version: 1.0.0.0', 'version: 1.0.x', /"version" must be/, 7],
    ['customizationPrefix: admin', 'customizationPrefix: Admin!', /customizationPrefix/, 11],
    ['    type: Number\n    defaultValue: 60', '    type: Number\n    defaultValue: sixty', /must be a number/, undefined],
    ['    type: String\n    description: Mailbox', '    type: Secret\n    defaultValue: x\n    description: Mailbox', /Secret variable has no default value/, undefined],
    ['  - schemaName: admin_AdminMail', '  - schemaName: other_AdminMail', /must start with the publisher prefix "admin_"/, undefined],
    ['    primaryKey: admin_auditlogid', '    primaryKey: auditlogid', /"primaryKey" must be "admin_auditlogid"/, undefined],
    ['        type: DateTime', '        type: Timestamp', /"type" must be one of String, DateTime, Integer, Memo/, undefined],
    ['    type: String\n    defaultValue: Day', '    type: Flag\n    defaultValue: Day', /"type" must be one of String, Number, Boolean, JSON, Data source, Secret/, undefined],
  ])('refuses %j -> %j with its line', (from, to, message, line) => {
    const changed = base.replace(from, to);
    expect(changed).not.toBe(base);
    try {
      parseSolutionSource(parseYamlText(changed, 'solution.yaml'), 'solution.yaml');
      expect.unreachable();
    } catch (error) {
      const e = error as { message: string; location: { file?: string; line?: number } };
      expect(e.message).toMatch(message);
      expect(e.location.file).toBe('solution.yaml');
      if (line !== undefined) expect(e.location.line).toBe(line);
      expect(e.location.line).toBeGreaterThan(0);
    }
  });

  it.each([['1.0.0.0', true], ['3.27.2', true], ['1.0', true], ['1', false], ['1.0.0.0.0', false], ['1.0.0.2147483648', false], ['v1.0', false]])('version %s valid: %s', (version, valid) => {
    expect(isValidVersion(version)).toBe(valid);
  });
});
