import { describe, expect, it } from 'vitest';
import { evaluate, expectFailure, type Case, type ErrorCase } from '../helpers.js';

const octet = (content: string) => ({ '$content-type': 'application/octet-stream', '$content': content });

export const conversionCases: Case[] = [
  // doc examples
  ["array('hello')", ['hello']],
  ["base64('hello')", 'aGVsbG8='],
  ["base64ToBinary('aGVsbG8=')", octet('aGVsbG8=')],
  ["base64ToString('aGVsbG8=')", 'hello'],
  ["binary('hello')", octet('aGVsbG8=')],
  ['bool(1)', true],
  ['bool(0)', false],
  ['bool(-1)', true],
  ["bool('true')", true],
  ["bool('false')", false],
  ["createArray('h', 'e', 'l', 'l', 'o')", ['h', 'e', 'l', 'l', 'o']],
  ["dataUri('hello')", 'data:text/plain;charset=utf-8;base64,aGVsbG8='],
  ["dataUriToBinary('data:text/plain;charset=utf-8;base64,aGVsbG8=')", { '$content-type': 'text/plain;charset=utf-8', '$content': 'aGVsbG8=' }],
  ["dataUriToString('data:text/plain;charset=utf-8;base64,aGVsbG8=')", 'hello'],
  ["decimal('1.2345678912312131')", 1.234567891231213],
  ["add(decimal('1.2345678912312131'), decimal('1.2345678912312131'))", 2.469135782462426],
  ["decodeBase64('aGVsbG8=')", 'hello'],
  ["string(decodeDataUri('data:text/plain;charset=utf-8;base64,aGVsbG8='))", 'hello'],
  ["decodeUriComponent('https%3A%2F%2Fcontoso.com')", 'https://contoso.com'],
  ["encodeUriComponent('https://contoso.com')", 'https%3A%2F%2Fcontoso.com'],
  ["float('10,000.333')", 10000.333],
  ["float('10.000,333', 'de-DE')", 10000.333],
  ["float('12,3,4,5678')", 12345678],
  ["float('1234567,8+')", 12345678],
  ["float('12345,6,78,-')", -12345678],
  ["float('-12,345,678,')", -12345678],
  ["float('12345678.-')", -12345678],
  ["float('.12345678')", 0.12345678],
  ["int('10')", 10],
  ["json('[1, 2, 3]')", [1, 2, 3]],
  ["json('{\"fullName\": \"Sophia Owen\"}')", { fullName: 'Sophia Owen' }],
  ['string(10)', '10'],
  ["uriComponent('https://contoso.com')", 'https%3A%2F%2Fcontoso.com'],
  ["uriComponentToBinary('https%3A%2F%2Fcontoso.com')", octet('aHR0cHM6Ly9jb250b3NvLmNvbQ==')],
  ["uriComponentToString('https%3A%2F%2Fcontoso.com')", 'https://contoso.com'],
  // edge cases
  ['array(null)', [null]],
  ['createArray()', []],
  ["createArray(1, 'a', null)", [1, 'a', null]],
  ["base64('é✓')", 'w6ninJM='],
  ["base64ToString(base64('Grüße ✓'))", 'Grüße ✓'],
  ['base64(12)', 'MTI='],
  ["string(binary('abc'))", 'abc'],
  ["base64(binary('hello'))", 'aGVsbG8='],
  ["dataUri(base64ToBinary('aGVsbG8='))", 'data:application/octet-stream;base64,aGVsbG8='],
  ["dataUriToString('data:,A%20brief%20note')", 'A brief note'],
  ["bool(' TRUE ')", true],
  ['bool(true)', true],
  ['bool(0.5)', true],
  ["decimal('-0.5')", -0.5],
  ["encodeUriComponent('a b&c=d/é!*()')", 'a%20b%26c%3Dd%2F%C3%A9%21%2A%28%29'],
  ["uriComponent('-_.~')", '-_.~'],
  ['float(3)', 3],
  ["float('1e3')", 1000],
  ["float('  -2.5 ')", -2.5],
  ["float('(12.5)')", -12.5],
  ["int(' -7 ')", -7],
  ['int(2.5)', 2],
  ['int(3.5)', 4],
  ['int(true)', 1],
  ["json('\"text\"')", 'text'],
  ["json('true')", true],
  ["json('null')", null],
  ['json(null)', {}],
  ["json(json('{\"a\":1}'))", { a: 1 }],
  ["json('{\"__proto__\": {\"polluted\": true}, \"a\": 1}')", { a: 1 }],
  ['string(null)', ''],
  ['string(true)', 'True'],
  ['string(false)', 'False'],
  ['string(2.5)', '2.5'],
  ['string(1e21)', '1E+21'],
  ["string(json('{\"name\":\"Sophie Owen\"}'))", '{"name":"Sophie Owen"}'],
  ['string(createArray(1, \'a\'))', '[1,"a"]'],
  ["string('x')", 'x'],
];

export const conversionErrors: ErrorCase[] = [
  ["int('x')", "The template language function 'int' was invoked with a parameter that is not valid. The value cannot be converted to the target type."],
  ["int('10.5')", 'cannot be converted'],
  ["float('abc')", 'cannot be converted'],
  ["float('1.5', 'xx-not-a-locale-')", 'not a valid culture name'],
  ["bool('yes')", 'cannot be converted'],
  ["bool(createArray())", 'cannot be converted'],
  ["decimal('abc')", 'cannot be converted'],
  ["base64ToString('not base64!')", 'is not a valid base64 string'],
  ["dataUriToString('hello')", 'not a valid data URI'],
  ["decodeUriComponent('%E0%A4%A')", 'escape sequence that is not valid'],
  ["json('{bad json')", "The template language function 'json' parameter is not valid"],
  ['json(1)', "expects its parameter"],
];

describe('conversion functions', () => {
  it.each(conversionCases)('%s', (expression, expected) => {
    expect(evaluate(expression)).toEqual(expected);
  });
  it.each(conversionErrors)('%s fails', (expression, fragment) => {
    expectFailure(expression, fragment);
  });
});
