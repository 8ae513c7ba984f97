import type { Case, ErrorCase } from '../helpers.js';
export const uriCases: Case[] = [
  // doc examples
  ["uriHost('https://www.localhost.com:8080')", 'www.localhost.com'],
  ["uriPath('https://www.contoso.com/catalog/shownew.htm?date=today')", '/catalog/shownew.htm'],
  ["uriPathAndQuery('https://www.contoso.com/catalog/shownew.htm?date=today')", '/catalog/shownew.htm?date=today'],
  ["uriPort('https://www.localhost:8080')", 8080],
  ["uriQuery('https://www.contoso.com/catalog/shownew.htm?date=today')", '?date=today'],
  // The reference shows "http" here (erratum): the scheme of an https URI is https.
  ["uriScheme('https://www.contoso.com/catalog/shownew.htm?date=today')", 'https'],
  // edge cases
  ["uriHost('http://contoso.com')", 'contoso.com'],
  ["uriPath('https://contoso.com')", '/'],
  ["uriPathAndQuery('https://contoso.com')", '/'],
  ["uriPort('https://contoso.com')", 443],
  ["uriPort('http://contoso.com')", 80],
  ["uriQuery('https://contoso.com/a')", ''],
  ["uriScheme('HTTP://contoso.com')", 'http'],
  ["uriScheme('ftp://files.contoso.com/x')", 'ftp'],
];

export const uriErrors: ErrorCase[] = [
  ["uriHost('not a uri')", "The provided value 'not a uri' is not a valid absolute URI"],
  ["uriPath('/relative/path')", 'not a valid absolute URI'],
  ['uriPort(80)', 'of type string'],
];
