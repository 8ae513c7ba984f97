import { numberCulture } from './culture.js';

/**
 * Parses a number the way .NET's double.Parse does with NumberStyles.Any and a culture: leading or
 * trailing sign, parentheses for negatives, thousands separators, decimal separator, exponent,
 * surrounding white space (`'10,000.333'` is 10000.333, `'12345678.-'` is -12345678, `'1.234,5'` in
 * de-DE is 1234.5). Returns undefined when the text is not a number.
 */
export function parseDotnetFloat(text: string, locale?: string): number | undefined {
  const culture = numberCulture(locale);
  let body = text.trim();
  if (body === '') return undefined;
  let negative = false;
  if (body.startsWith('(') && body.endsWith(')')) {
    negative = true;
    body = body.slice(1, -1).trim();
  }
  const first = body[0];
  if (first === '-' || first === '+' || first === culture.minus) {
    negative = first !== '+' ? !negative : negative;
    body = body.slice(1).trimStart();
  } else {
    const last = body[body.length - 1];
    if (last === '-' || last === '+' || last === culture.minus) {
      negative = last !== '+' ? !negative : negative;
      body = body.slice(0, -1).trimEnd();
    }
  }
  const group = culture.group === '\u00a0' || culture.group === '\u202f' ? '[\\u00a0\\u202f ]' : escapeRegExp(culture.group);
  const decimal = escapeRegExp(culture.decimal);
  const pattern = new RegExp(`^(\\d(?:\\d|${group})*)?(?:${decimal}(\\d*))?(?:[eE]([+-]?\\d+))?$`);
  const match = pattern.exec(body);
  if (!match) return undefined;
  const integer = (match[1] ?? '').replace(new RegExp(group, 'g'), '');
  const fraction = match[2] ?? '';
  if (integer === '' && fraction === '') return undefined;
  const value = Number(`${integer || '0'}.${fraction || '0'}${match[3] !== undefined ? `e${match[3]}` : ''}`);
  if (!Number.isFinite(value)) return undefined;
  return negative ? -value : value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
