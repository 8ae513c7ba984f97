import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeSolution } from '../../tools/solution/compose.js';
import { folderToZip, zipToFolder } from '../../tools/solution/layout.js';
import { packSolution } from '../../tools/solution/pack.js';
import { readSolutionFolder, readSolutionZip } from '../../tools/solution/storage.js';
import { packFolder, unpackSolution } from '../../tools/solution/unpack.js';
import { buildZip } from '../../tools/zip/index.js';
import { parseXmlBytes, sameXml, serializeXml } from '../../tools/xml/index.js';
import { craftZip } from '../zip/craft-zip.js';
import { fixtureInputs, MICROSOFT_LAYOUT, tempFolder, text } from './helpers.js';

describe('unpack -> pack round trip', () => {
  it('gives back our zip byte for byte (managed and unmanaged)', async () => {
    const folder = tempFolder();
    try {
      const packed = await packSolution(fixtureInputs(), folder.path);
      for (const zip of [packed.managed, packed.unmanaged]) {
        const unpacked = join(folder.path, `src-${zip.endsWith('_managed.zip') ? 'm' : 'u'}`);
        await unpackSolution(zip, unpacked);
        const repacked = join(folder.path, 'repacked.zip');
        await packFolder(unpacked, repacked);
        expect(readFileSync(repacked).equals(readFileSync(zip)), zip).toBe(true);
      }
    } finally {
      folder.done();
    }
  });

  it('writes the SolutionPackager layout', async () => {
    const folder = zipToFolder(composeSolution(fixtureInputs(), false));
    const names = [...folder.keys()];
    expect(names).toEqual(expect.arrayContaining([
      'Other/Solution.xml',
      'Other/Customizations.xml',
      'Entities/admin_AuditLog/Entity.xml',
      'Connectors/admin_5Foffice-20365-20management-20api.xml',
      'Connectors/admin_5Foffice-20365-20management-20api_openapidefinition.json',
      'environmentvariabledefinitions/admin_TenantID/environmentvariabledefinition.xml',
    ]));
    expect(names.filter((n) => /^Workflows\/.+\.json\.data\.xml$/.test(n))).toHaveLength(2);
    expect(names).not.toContain('[Content_Types].xml');
    const customizations = text(folder.get('Other/Customizations.xml'));
    expect(customizations).toContain('<Workflows />');
    expect(customizations).toContain('<Entities />');
    expect(customizations).not.toContain('<Connectors>');
    const data = text(folder.get(names.find((n) => n.endsWith('.data.xml'))!));
    expect(data).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<Workflow WorkflowId="\{[0-9a-f-]{36}\}" Name="[^"]+" xmlns:xsi="http:\/\/www\.w3\.org\/2001\/XMLSchema-instance">/);
  });

  it('packs a hand-made folder in Microsoft\'s layout and unpacks it to the same files', async () => {
    const original = readSolutionFolder(MICROSOFT_LAYOUT);
    const zip = folderToZip(original);
    expect([...zip.keys()]).toEqual([
      'customizations.xml',
      'solution.xml',
      'Connector/contoso_5Fcontoso-20notify_connectionparameters.json',
      'Connector/contoso_5Fcontoso-20notify_iconblob.Png',
      'Connector/contoso_5Fcontoso-20notify_openapidefinition.json',
      'Connector/contoso_5Fcontoso-20notify_policytemplateinstances.json',
      'Workflows/Notifyonnewticket-2B8F3C1E-5A7D-4E21-9F0B-6C3D2A1E8F47.json',
      'environmentvariabledefinitions/contoso_ApiBase/environmentvariabledefinition.xml',
      '[Content_Types].xml',
    ]);
    // Managed 2 ("both") packs as unmanaged, as pac solution pack does by default.
    expect(text(zip.get('solution.xml'))).toContain('<Managed>0</Managed>');
    const back = zipToFolder(zip);
    expect([...back.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [name, bytes] of original) {
      const expected = name === 'Other/Solution.xml' ? Buffer.from(text(bytes).replace('<Managed>2</Managed>', '<Managed>0</Managed>')) : bytes;
      expect(text(back.get(name)), name).toBe(text(expected));
    }
    // And zip -> folder -> zip is exact.
    expect(folderToZip(back)).toEqual(zip);
  });

  it.each([['managed', '1'], ['unmanaged', '0']] as const)('sets the Managed flag to %s with --package-type', (type, flag) => {
    expect(text(folderToZip(readSolutionFolder(MICROSOFT_LAYOUT), type).get('solution.xml'))).toContain(`<Managed>${flag}</Managed>`);
  });

  it('round-trips a raw 2020-style export (no declarations, other entry order) to the same parts', async () => {
    const reference = folderToZip(readSolutionFolder(MICROSOFT_LAYOUT));
    // Rewrite as an older export: XML without BOM and declaration, [Content_Types].xml second.
    const raw = new Map<string, Buffer>();
    const bare = (name: string) => Buffer.from(serializeXml(parseXmlBytes(reference.get(name)!).root, { declaration: false }));
    raw.set('customizations.xml', bare('customizations.xml'));
    raw.set('[Content_Types].xml', reference.get('[Content_Types].xml')!);
    raw.set('solution.xml', bare('solution.xml'));
    for (const [name, bytes] of reference) if (!raw.has(name)) raw.set(name, bytes);
    const zipBytes = await buildZip([...raw].map(([name, data]) => ({ name, data })));
    const folder = tempFolder();
    try {
      writeFileSync(join(folder.path, 'raw.zip'), zipBytes);
      await unpackSolution(join(folder.path, 'raw.zip'), join(folder.path, 'src'));
      await packFolder(join(folder.path, 'src'), join(folder.path, 'again.zip'));
      const again = await readSolutionZip(join(folder.path, 'again.zip'));
      expect([...again.keys()].sort()).toEqual([...raw.keys()].sort());
      for (const [name, bytes] of raw) {
        if (name.endsWith('.xml')) expect(sameXml(parseXmlBytes(again.get(name)!).root, parseXmlBytes(bytes).root), name).toBe(true);
        else expect(again.get(name)!.equals(bytes), name).toBe(true);
      }
    } finally {
      folder.done();
    }
  });
});

describe('unpack refuses hostile zips and writes nothing', () => {
  it.each([
    ['zip-slip', [{ name: 'solution.xml', data: Buffer.from('<ImportExportXml />') }, { name: '../escaped.txt', data: Buffer.from('x') }], /zip-slip/],
    ['absolute path', [{ name: '/tmp/ppkit-evil.txt', data: Buffer.from('x') }], /absolute path/],
    ['symlink', [{ name: 'Workflows/link.json', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 }], /symbolic link/],
    ['duplicate entries', [{ name: 'solution.xml', data: Buffer.from('a') }, { name: 'SOLUTION.xml', data: Buffer.from('b') }], /appears twice/],
    ['XXE in customizations.xml', [
      { name: 'solution.xml', data: Buffer.from('<ImportExportXml><SolutionManifest /></ImportExportXml>') },
      { name: 'customizations.xml', data: Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><ImportExportXml>&e;</ImportExportXml>') },
    ], /DOCTYPE declaration is refused/],
  ])('%s', async (_case, entries, message) => {
    const folder = tempFolder();
    try {
      writeFileSync(join(folder.path, 'evil.zip'), craftZip(entries));
      await expect(unpackSolution(join(folder.path, 'evil.zip'), join(folder.path, 'out'))).rejects.toThrow(message);
      expect(existsSync(join(folder.path, 'out'))).toBe(false);
      expect(existsSync(join(folder.path, 'escaped.txt'))).toBe(false);
      expect(readdirSync(folder.path)).toEqual(['evil.zip']);
    } finally {
      folder.done();
    }
  });

  it('does not replace a non-empty folder without --force, and does with it', async () => {
    const folder = tempFolder();
    try {
      const packed = await packSolution(fixtureInputs(), folder.path);
      const target = join(folder.path, 'src');
      await unpackSolution(packed.unmanaged, target);
      writeFileSync(join(target, 'stale.txt'), 'old');
      await expect(unpackSolution(packed.unmanaged, target)).rejects.toThrow(/--force/);
      await unpackSolution(packed.unmanaged, target, { force: true });
      expect(existsSync(join(target, 'stale.txt'))).toBe(false);
      expect(existsSync(join(target, 'Other', 'Solution.xml'))).toBe(true);
    } finally {
      folder.done();
    }
  });
});

describe('pac solution init projects', () => {
  it('packs a project folder through its src/ folder', async () => {
    const { cpSync } = await import('node:fs');
    const folder = tempFolder();
    try {
      cpSync(MICROSOFT_LAYOUT, join(folder.path, 'src'), { recursive: true });
      writeFileSync(join(folder.path, 'ContosoNotifications.cdsproj'), '<Project Sdk="Microsoft.NET.Sdk" />');
      expect(folderToZip(readSolutionFolder(folder.path))).toEqual(folderToZip(readSolutionFolder(MICROSOFT_LAYOUT)));
    } finally {
      folder.done();
    }
  });
});

describe('pack refuses hostile folders', () => {
  it('does not follow a symbolic link out of the folder', async () => {
    const { cpSync, symlinkSync } = await import('node:fs');
    const folder = tempFolder();
    try {
      cpSync(MICROSOFT_LAYOUT, join(folder.path, 'src'), { recursive: true });
      symlinkSync('/etc/passwd', join(folder.path, 'src', 'Workflows', 'passwd.json'));
      await expect(packFolder(join(folder.path, 'src'), join(folder.path, 'out.zip'))).rejects.toThrow(/symbolic links are not packed/);
      expect(existsSync(join(folder.path, 'out.zip'))).toBe(false);
    } finally {
      folder.done();
    }
  });
});
