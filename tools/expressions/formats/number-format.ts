import { formatNumberInvariant } from '../values.js';
import { numberCulture, type NumberCulture } from './culture.js';

/**
 * Formats a number with a .NET numeric format string, standard (`C2`, `D5`, `E`, `F3`, `G`, `N0`,
 * `P1`, `R`, `X8`) or custom (`#,##0.00`, `0.###`, `00%`, `0.0E+00`, `#,##0;(#,##0);zero`), in a
 * culture ('en-US', 'de-DE'...). Throws Error with the reason on a bad format.
 */
export function formatNumberDotnet(value: number, format: string, locale?: string): string {
  const culture = numberCulture(locale);
  const standard = /^([A-Za-z])(\d{0,9})$/.exec(format);
  if (standard) return formatStandard(value, standard[1]!, standard[2] === '' ? undefined : Number(standard[2]), culture);
  if (format === '') return formatStandard(value, 'G', undefined, culture);
  return formatCustom(value, format, culture);
}

/** .NET's culture data puts a plain space between a number and its currency or percent symbol; ICU uses a no-break space. */
function plainSymbolSpace(text: string): string {
  return text.replace(/[\u00a0\u202f](?=\D)|(?<=\D)[\u00a0\u202f]/g, ' ');
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Intl formatters are costly to build: one per culture and options, reused. */
function intl(culture: NumberCulture, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${culture.locale}|${options.style ?? ''}|${options.currency ?? ''}|${options.useGrouping ?? ''}|${options.minimumFractionDigits ?? ''}|${options.maximumFractionDigits ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(culture.locale, options);
    if (formatters.size < 500) formatters.set(key, formatter);
  }
  return formatter;
}

/** Rounds half away from zero at `digits` decimals, as .NET formatting does. */
function roundAway(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const text = Math.abs(value).toFixed(Math.min(100, digits + 3));
  const [int, frac = ''] = text.split('.');
  const kept = frac.slice(0, digits);
  const next = frac.charCodeAt(digits) - 48;
  let result = Number(`${int}.${kept || '0'}`);
  if (next >= 5) result += 10 ** -digits;
  return Math.sign(value) * Number(result.toFixed(digits));
}

function formatStandard(value: number, letter: string, precision: number | undefined, culture: NumberCulture): string {
  switch (letter.toUpperCase()) {
    case 'C': {
      const digits = precision ?? 2;
      if (!culture.currency) return formatStandard(value, 'N', digits, culture);
      return plainSymbolSpace(intl(culture, { style: 'currency', currency: culture.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(roundAway(value, digits)));
    }
    case 'D': {
      if (!Number.isInteger(value)) throw new Error(`The format 'D' is only valid for integers; the value ${formatNumberInvariant(value)} is not one.`);
      const digits = Math.abs(value).toString().padStart(precision ?? 0, '0');
      return value < 0 ? `${culture.minus}${digits}` : digits;
    }
    case 'E': {
      const digits = precision ?? 6;
      const [mantissa, exponent] = Math.abs(value).toExponential(digits).split('e') as [string, string];
      const sign = exponent.startsWith('-') ? '-' : '+';
      const e = `${letter}${sign}${exponent.replace(/^[+-]/, '').padStart(3, '0')}`;
      return `${value < 0 ? culture.minus : ''}${mantissa.replace('.', culture.decimal)}${e}`;
    }
    case 'F': {
      const digits = precision ?? 2;
      return intl(culture, { useGrouping: false, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(roundAway(value, digits));
    }
    case 'N': {
      const digits = precision ?? 2;
      return intl(culture, { useGrouping: true, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(roundAway(value, digits));
    }
    case 'P': {
      const digits = precision ?? 2;
      return plainSymbolSpace(intl(culture, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(roundAway(value * 100, digits) / 100));
    }
    case 'G':
    case 'R': {
      if (precision !== undefined && precision > 0 && letter.toUpperCase() === 'G') {
        const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
        if (exponent >= precision || exponent < -5) {
          const [mantissa, exp] = value.toExponential(precision - 1).split('e') as [string, string];
          const trimmed = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
          return `${trimmed.replace('.', culture.decimal)}${letter === 'g' ? 'e' : 'E'}${exp.startsWith('-') ? '-' : '+'}${exp.replace(/^[+-]/, '').padStart(2, '0')}`;
        }
        return Number(value.toPrecision(precision)).toString().replace('.', culture.decimal);
      }
      return formatNumberInvariant(value).replace('.', culture.decimal).replace('-', culture.minus);
    }
    case 'X': {
      if (!Number.isInteger(value)) throw new Error(`The format 'X' is only valid for integers; the value ${formatNumberInvariant(value)} is not one.`);
      const hex = (value < 0 ? BigInt.asUintN(64, BigInt(value)) : BigInt(value)).toString(16).padStart(precision ?? 0, '0');
      return letter === 'X' ? hex.toUpperCase() : hex;
    }
    default:
      // A single letter that is not a standard specifier is a custom format of literal text.
      return formatCustom(value, precision === undefined ? letter : `${letter}${precision}`, culture);
  }
}

interface Token {
  type: 'zero' | 'hash' | 'point' | 'comma' | 'percent' | 'permille' | 'exponent' | 'literal';
  text: string;
  /** exponent: minimum digits and whether '+' is shown. */
  digits?: number;
  plus?: boolean;
}

/** Splits a custom format into sections at unquoted ';'. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < format.length; i++) {
    const char = format[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
      current += char;
    } else if (char === '\\' && i + 1 < format.length) {
      current += char + format[++i];
    } else if (char === "'" || char === '"') {
      quote = char;
      current += char;
    } else if (char === ';') {
      sections.push(current);
      current = '';
    } else current += char;
  }
  sections.push(current);
  return sections;
}

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const char = section[i]!;
    switch (char) {
      case '0':
        tokens.push({ type: 'zero', text: char });
        break;
      case '#':
        tokens.push({ type: 'hash', text: char });
        break;
      case '.':
        tokens.push({ type: 'point', text: char });
        break;
      case ',':
        tokens.push({ type: 'comma', text: char });
        break;
      case '%':
        tokens.push({ type: 'percent', text: char });
        break;
      case '\u2030':
        tokens.push({ type: 'permille', text: char });
        break;
      case 'E':
      case 'e': {
        const match = /^[eE]([+-]?)(0+)/.exec(section.slice(i));
        if (match) {
          tokens.push({ type: 'exponent', text: char, digits: match[2]!.length, plus: match[1] === '+' });
          i += match[0].length - 1;
        } else tokens.push({ type: 'literal', text: char });
        break;
      }
      case '\\':
        tokens.push({ type: 'literal', text: section[++i] ?? '' });
        break;
      case "'":
      case '"': {
        const end = section.indexOf(char, i + 1);
        const stop = end < 0 ? section.length : end;
        tokens.push({ type: 'literal', text: section.slice(i + 1, stop) });
        i = stop;
        break;
      }
      default:
        tokens.push({ type: 'literal', text: char });
    }
  }
  return tokens;
}

function groupDigits(digits: string, separator: string): string {
  let result = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) result += separator;
    result += digits[i];
  }
  return result;
}

function formatCustom(value: number, format: string, culture: NumberCulture): string {
  const sections = splitSections(format);
  let section = sections[0]!;
  let absolute = Math.abs(value);
  let explicitSign = false;
  if (value < 0 && sections.length >= 2 && sections[1] !== '') {
    section = sections[1]!;
    explicitSign = true;
  } else if (value === 0 && sections.length >= 3 && sections[2] !== '') {
    section = sections[2]!;
  }
  const tokens = tokenize(section);
  const pointAt = tokens.findIndex((t) => t.type === 'point');
  const exponentAt = tokens.findIndex((t) => t.type === 'exponent');
  const numberEnd = exponentAt >= 0 ? exponentAt : tokens.length;
  const intEnd = pointAt >= 0 && pointAt < numberEnd ? pointAt : numberEnd;
  const isDigit = (t: Token) => t.type === 'zero' || t.type === 'hash';

  // Scaling commas: commas right before the decimal point (or the end of the digits) divide by 1000.
  let lastDigitInInt = -1;
  for (let i = 0; i < intEnd; i++) if (isDigit(tokens[i]!)) lastDigitInInt = i;
  let scaleCommas = 0;
  for (let i = lastDigitInInt + 1; i < intEnd && tokens[i]!.type === 'comma'; i++) scaleCommas++;
  const firstDigit = tokens.findIndex(isDigit);
  const grouping = tokens.some((t, i) => t.type === 'comma' && i > firstDigit && i < lastDigitInInt);
  absolute /= 1000 ** scaleCommas;
  for (const t of tokens) {
    if (t.type === 'percent') absolute *= 100;
    if (t.type === 'permille') absolute *= 1000;
  }

  const intPlaceholders = tokens.slice(0, intEnd).filter(isDigit);
  const firstZero = intPlaceholders.findIndex((t) => t.type === 'zero');
  const minInt = firstZero < 0 ? 0 : intPlaceholders.length - firstZero;
  const fracTokens = pointAt >= 0 ? tokens.slice(pointAt + 1, numberEnd) : [];
  const fracPlaceholders = fracTokens.filter(isDigit);
  let minFrac = 0;
  fracPlaceholders.forEach((t, i) => {
    if (t.type === 'zero') minFrac = i + 1;
  });
  const maxFrac = fracPlaceholders.length;

  let exponentValue = 0;
  if (exponentAt >= 0 && absolute !== 0) {
    const intDigits = Math.max(1, intPlaceholders.length);
    exponentValue = Math.floor(Math.log10(absolute)) - (intDigits - 1);
    absolute /= 10 ** exponentValue;
    if (roundAway(absolute, maxFrac) >= 10 ** intDigits) {
      absolute /= 10;
      exponentValue++;
    }
  }
  const rounded = roundAway(absolute, maxFrac);
  const [intText, fracText = ''] = rounded.toFixed(maxFrac).split('.') as [string, string?];
  let intDigits = intText === '0' ? '' : intText;
  intDigits = intDigits.padStart(minInt, '0');
  let fracDigits = fracText;
  while (fracDigits.length > minFrac && fracDigits.endsWith('0')) fracDigits = fracDigits.slice(0, -1);

  // Integer part: digits fill placeholders right to left; the leftmost takes any extra digits.
  const intOut: string[] = new Array<string>(intEnd).fill('');
  const digitSlots: number[] = [];
  for (let i = 0; i < intEnd; i++) if (isDigit(tokens[i]!)) digitSlots.push(i);
  if (grouping) {
    digitSlots.forEach((slot, n) => (intOut[slot] = n === 0 ? groupDigits(intDigits, culture.group) : ''));
  } else {
    let remaining = intDigits;
    for (let n = digitSlots.length - 1; n >= 0; n--) {
      const slot = digitSlots[n]!;
      if (n === 0) intOut[slot] = remaining;
      else {
        intOut[slot] = remaining.slice(-1);
        remaining = remaining.slice(0, -1);
      }
    }
  }
  let out = '';
  const isZero = intDigits.replace(/0/g, '') === '' && fracDigits.replace(/0/g, '') === '';
  if (value < 0 && !explicitSign && !isZero) out += culture.minus;
  let fracIndex = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i < intEnd) {
      if (isDigit(token)) out += intOut[i];
      else if (token.type === 'literal') out += token.text;
      else if (token.type === 'percent') out += culture.percent;
      else if (token.type === 'permille') out += '\u2030';
      continue;
    }
    switch (token.type) {
      case 'point':
        if (i === pointAt && fracDigits.length > 0) out += culture.decimal;
        break;
      case 'zero':
      case 'hash':
        if (i < numberEnd) out += fracDigits[fracIndex++] ?? '';
        break;
      case 'exponent': {
        const digits = Math.abs(exponentValue).toString().padStart(token.digits ?? 1, '0');
        out += `${token.text}${exponentValue < 0 ? '-' : token.plus ? '+' : ''}${digits}`;
        break;
      }
      case 'percent':
        out += culture.percent;
        break;
      case 'permille':
        out += '\u2030';
        break;
      case 'comma':
        break;
      case 'literal':
        out += token.text;
        break;
    }
  }
  return out;
}
