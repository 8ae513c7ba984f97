import { describe, expect, it } from 'vitest';
import { childText, el, parseXml, sameXml, serializeXml, textEl } from '../../tools/xml/index.js';

describe('XML round trip', () => {
  it.each([
    ['SolutionPackager-style document', `<?xml version="1.0" encoding="utf-8"?>\n<ImportExportXml xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n  <Entities />\n  <EMailAddress xsi:nil="true"></EMailAddress>\n  <Languages>\n    <Language>1033</Language>\n  </Languages>\n</ImportExportXml>`],
    ['escaped text and attributes', `<?xml version="1.0" encoding="utf-8"?>\n<a x="1&amp;2 &quot;q&quot; &lt;&gt;">t &lt; u &amp; v &gt; w</a>`],
    ['mixed content kept exactly', `<?xml version="1.0" encoding="utf-8"?>\n<m>mixed <b>bold</b>  tail</m>`],
    ['attribute order kept', `<?xml version="1.0" encoding="utf-8"?>\n<w WorkflowId="{1}" Name="[Child] Admin | Sync Logs" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" />`],
  ])('writes back %s unchanged', (_name, text) => {
    expect(serializeXml(parseXml(text).root)).toBe(text);
  });

  it('notes a BOM and a missing declaration', () => {
    const doc = parseXml('\uFEFF<ImportExportXml><a>1</a></ImportExportXml>');
    expect(doc.bom).toBe(true);
    expect(doc.declaration).toBe(false);
    expect(childText(doc.root, 'a')).toBe('1');
  });

  it('builds elements: empty text gives <a></a>, no children gives <a />', () => {
    const text = serializeXml(el('r', { x: 'y', skipped: undefined }, [textEl('a', ''), el('b'), textEl('c', 5), undefined]), { declaration: false });
    expect(text).toBe('<r x="y">\n  <a></a>\n  <b />\n  <c>5</c>\n</r>');
  });

  it('compares trees ignoring indentation only', () => {
    const a = parseXml('<r><a>1</a></r>').root;
    const b = parseXml('<r>\n  <a>1</a>\n</r>').root;
    const c = parseXml('<r><a>2</a></r>').root;
    expect(sameXml(a, b)).toBe(true);
    expect(sameXml(a, c)).toBe(false);
  });
});

describe('hostile XML', () => {
  it.each([
    ['external entity (XXE)', '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<r>&x;</r>', /DOCTYPE declaration is refused/],
    ['billion laughs', '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>', /DOCTYPE declaration is refused/],
    ['bare ENTITY declaration', '<r><!ENTITY x "y"></r>', /ENTITY declaration is refused/],
    ['lower-case doctype', '<!doctype r SYSTEM "http://evil/x.dtd"><r/>', /DOCTYPE declaration is refused/],
    ['not well-formed', '<r><a></r>', /not well-formed XML/],
    ['empty', '   ', /empty/],
    ['undefined entity', '<r>&nope;</r>', /not well-formed XML/],
  ])('refuses %s', (_name, text, message) => {
    expect(() => parseXml(text, { file: 'evil.xml' })).toThrow(message);
  });

  it('names the file and line of a DTD', () => {
    try {
      parseXml('<?xml version="1.0"?>\n\n<!DOCTYPE r>\n<r/>', { file: 'x.xml' });
      expect.unreachable();
    } catch (error) {
      expect((error as { format(): string }).format()).toMatch(/^x\.xml:3:1: /);
    }
  });

  it('refuses oversized text before parsing', () => {
    expect(() => parseXml(`<r>${'a'.repeat(200)}</r>`, { maxChars: 100 })).toThrow(/more than the 100 allowed/);
  });
});
