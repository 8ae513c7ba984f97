/** icon.png beside the swagger: present, a square PNG of 100 to 230 pixels (read from its header). */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validatePaths } from '../../../tools/connector/validate/index.js';
import { FIXTURES } from './rule-harness.js';

let root: string;

/** A PNG signature and IHDR chunk header: enough for the rule, which never decodes pixels. */
function pngHeader(width: number, height: number): Buffer {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

function connectorWithIcon(name: string, icon?: Buffer): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(FIXTURES, 'clean', 'apiDefinition.swagger.json'), join(dir, 'apiDefinition.swagger.json'));
  copyFileSync(join(FIXTURES, 'clean', 'apiProperties.json'), join(dir, 'apiProperties.json'));
  if (icon) writeFileSync(join(dir, 'icon.png'), icon);
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ppkit-icons-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('icon rules', () => {
  it.each([
    ['a 230x230 PNG', pngHeader(230, 230), []],
    ['a 100x100 PNG', pngHeader(100, 100), []],
    ['no icon', undefined, ['icon-present:info']],
    ['a JPEG named icon.png', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]), ['icon-format:warning']],
    ['a 512x512 PNG', pngHeader(512, 512), ['icon-format:warning']],
    ['a 200x100 PNG', pngHeader(200, 100), ['icon-format:warning']],
  ])('%s', (name, icon, expected) => {
    const result = validatePaths([connectorWithIcon(name.replace(/\W+/g, '-'), icon)]);
    expect(result.diagnostics.map((d) => `${d.code}:${d.severity}`)).toEqual(expected);
  });
});
