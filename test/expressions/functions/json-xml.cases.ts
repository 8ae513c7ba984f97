import type { Case, ErrorCase } from '../helpers.js';
const xml = (text: string) => ({ '$content-type': 'application/xml;charset=utf-8', '$content': Buffer.from(text).toString('base64') });

export const jsonXmlCases: Case[] = [
  // doc examples
  ["addProperty(json('{ \"firstName\": \"Sophia\", \"lastName\": \"Owen\" }'), 'middleName', 'Anne')", { firstName: 'Sophia', lastName: 'Owen', middleName: 'Anne' }],
  [
    "setProperty(json('{ \"customerName\": { \"firstName\": \"Sophia\", \"surName\": \"Owen\" } }'), 'customerName', addProperty(json('{ \"customerName\": { \"firstName\": \"Sophia\", \"surName\": \"Owen\" } }')['customerName'], 'middleName', 'Anne'))",
    { customerName: { firstName: 'Sophia', surName: 'Owen', middleName: 'Anne' } },
  ],
  ['coalesce(null, true, false)', true],
  ["coalesce(null, 'hello', 'world')", 'hello'],
  ['coalesce(null, null, null)', null],
  ["removeProperty(json('{ \"firstName\": \"Sophia\", \"middleName\": \"Anne\", \"surName\": \"Owen\" }'), 'middleName')", { firstName: 'Sophia', surName: 'Owen' }],
  [
    "removeProperty(json('{ \"customerName\": { \"firstName\": \"Sophia\", \"middleName\": \"Anne\", \"surName\": \"Owen\" } }')['customerName'], 'middleName')",
    { firstName: 'Sophia', surName: 'Owen' },
  ],
  ["setProperty(json('{ \"firstName\": \"Sophia\", \"surName\": \"Owen\" }'), 'surName', 'Hartnett')", { firstName: 'Sophia', surName: 'Hartnett' }],
  [
    "setProperty(json('{ \"customerName\": { \"firstName\": \"Sophia\", \"surName\": \"Owen\" } }'), 'customerName', setProperty(json('{ \"customerName\": { \"firstName\": \"Sophia\", \"surName\": \"Owen\" } }')['customerName'], 'surName', 'Hartnett'))",
    { customerName: { firstName: 'Sophia', surName: 'Hartnett' } },
  ],
  ["xml('<name>Sophia Owen</name>')", xml('<name>Sophia Owen</name>')],
  ["xml(json('{ \"name\": \"Sophia Owen\" }'))", xml('<name>Sophia Owen</name>')],
  ["string(xml(json('{\"person\": {\"name\": \"Sophia Owen\", \"city\": \"Seattle\"}}')))", '<person><name>Sophia Owen</name><city>Seattle</city></person>'],
  [
    "string(xml(json('{\"root\":{\"array\":[{ \"ID\": 1, \"Name\": \"James\" },{ \"ID\": 2, \"Name\": \"John\" },{ \"ID\": 3, \"Name\": \"Sam\" }]}}')))",
    '<root><array><ID>1</ID><Name>James</Name></array><array><ID>2</ID><Name>John</Name></array><array><ID>3</ID><Name>Sam</Name></array></root>',
  ],
  [
    "json(xml('<?xml version=\"1.0\"?> <root> <person id=\"1\"> <name>Sophia Owen</name> <occupation>Engineer</occupation> </person> </root>'))",
    { '?xml': { '@version': '1.0' }, root: { person: { '@id': '1', name: 'Sophia Owen', occupation: 'Engineer' } } },
  ],
  [
    "json(xml('<?xml version=\"1.0\"?> <root> <person id=\"1\"> <name>Sophia Owen</name> <occupation>Engineer</occupation> </person> <person id=\"2\"> <name>John Doe</name> <occupation>Engineer</occupation> </person> </root>'))",
    {
      '?xml': { '@version': '1.0' },
      root: { person: [{ '@id': '1', name: 'Sophia Owen', occupation: 'Engineer' }, { '@id': '2', name: 'John Doe', occupation: 'Engineer' }] },
    },
  ],
  ["xpath(xml(parameters('items')), '/produce/item/name/text()')", ['Gala', 'Honeycrisp']],
  // The reference shows one value for name[1] and name[last()] (erratum): each item has one name, so both match.
  ["xpath(xml(parameters('items')), '/produce/item/name[1]')", [xml('<name expired="true" price="12">Gala</name>'), xml('<name expired="false" price="40">Honeycrisp</name>')]],
  ["length(xpath(xml(parameters('items')), '//name[@expired]'))", 2],
  ["string(first(xpath(xml(parameters('items')), '//name[@expired = ''true'']')))", '<name expired="true" price="12">Gala</name>'],
  ["string(first(xpath(xml(parameters('items')), '//name[@price>35]')))", '<name expired="false" price="40">Honeycrisp</name>'],
  ["xpath(xml(parameters('items')), 'sum(/produce/item/count)')", 30],
  ["string(first(xpath(xml('<?xml version=\"1.0\"?><file xmlns=\"https://contoso.com\"><location>Paris</location></file>'), '/*[name()=\"file\"]/*[name()=\"location\"]')))", '<location xmlns="https://contoso.com">Paris</location>'],
  ["xpath(xml('<?xml version=\"1.0\"?><file xmlns=\"https://contoso.com\"><location>Paris</location></file>'), '/*[local-name()=\"file\" and namespace-uri()=\"https://contoso.com\"]/*[local-name()=\"location\"]/text()')", ['Paris']],
  ["xpath(xml('<?xml version=\"1.0\"?><file xmlns=\"https://contoso.com\"><location>Paris</location></file>'), 'string(/*[name()=\"file\"]/*[name()=\"location\"])')", 'Paris'],
  // edge cases
  ["coalesce('', 'x')", ''],
  ['coalesce(createArray(), 1)', []],
  ["coalesce(null, parameters('nothing'), variables('numItems'))", 20],
  ["coalesce('first', parameters('missing'))", 'first'],
  ["setProperty(json('{\"A\":1}'), 'a', 2)", { A: 2 }],
  ["removeProperty(json('{\"a\":1}'), 'b')", { a: 1 }],
  ["addProperty(json('{}'), 'root', addProperty(json('{}'), 'array', createArray(1, 2)))", { root: { array: [1, 2] } }],
  ["json(xml('<a x=\"1\">text<b/></a>'))", { a: { '@x': '1', '#text': 'text', b: null } }],
  ["json(xml('<a><![CDATA[<raw>]]></a>'))", { a: { '#cdata-section': '<raw>' } }],
  ["json(xml('<a><b>1</b><c>2</c><b>3</b></a>'))", { a: { b: ['1', '3'], c: '2' } }],
  ["string(xml(json('{\"a\":{\"@id\":\"1\",\"#text\":\"x & y\",\"flag\":true,\"n\":null}}')))", '<a id="1">x &amp; y<flag>true</flag><n/></a>'],
  ["xpath('<a><b>1</b><b>2</b></a>', 'count(//b)')", 2],
  ["xpath('<a><b>1</b></a>', 'boolean(//c)')", false],
  ["xpath('<a><b k=\"v\"/></a>', '//b/@k')", ['v']],
];

export const jsonXmlErrors: ErrorCase[] = [
  ["addProperty(json('{\"a\":1}'), 'a', 2)", "property 'a' that already exists"],
  ["setProperty('x', 'a', 1)", 'expects its first parameter to be an object'],
  ["xml(json('{\"a\":1,\"b\":2}'))", 'JSON root object has multiple properties'],
  ["xml(json('{\"a b\":1}'))", "cannot be used as an XML element"],
  ["xml('<a><b></a>')", 'The XML is not valid'],
  ["xml('<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>')", 'DTD is prohibited'],
  ["xml('<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;\">]><lolz>&lol2;</lolz>')", 'DTD is prohibited'],
  ['xml(createArray(1))', 'a string that contains XML or a JSON object'],
  ["xpath('<a/>', '//[')", "The XPath expression '//[' is not valid"],
  ["xpath(1, '/a')", 'XML content or a string'],
  ['coalesce()', 'at least one parameter'],
];
