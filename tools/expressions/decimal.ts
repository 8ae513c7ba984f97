/**
 * .NET decimal values from `decimal()`: exact base-10 numbers (up to 28 fraction digits), so
 * `string(decimal('1.2345678912312131'))` keeps every digit and `add()` of two decimals is exact.
 * They live only inside one evaluation: the compiler turns any decimal left in a result into a JSON
 * number, as the service does when a decimal is used as a number.
 */
export class DecimalNumber {
  /** value = units / 10^scale */
  constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static parse(text: string): DecimalNumber | undefined {
    const match = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
    const fraction = (match[3] ?? '').slice(0, MAX_SCALE);
    const units = BigInt(`${match[1] === '-' ? '-' : ''}${match[2] || '0'}${fraction}`);
    if ((units < 0n ? -units : units) > MAX_UNITS) return undefined;
    return new DecimalNumber(units, fraction.length);
  }

  static from(value: number | DecimalNumber): DecimalNumber {
    if (value instanceof DecimalNumber) return value;
    return DecimalNumber.parse(value.toFixed(Math.min(20, Math.max(0, fractionDigits(value))))) ?? new DecimalNumber(BigInt(Math.round(value)), 0);
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** .NET prints a decimal with its scale: 1.50 stays "1.50". */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const text = this.scale === 0 ? digits : `${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
    return negative ? `-${text}` : text;
  }

  /** JSON (and so the engine) sees a plain number. */
  toJSON(): number {
    return this.toNumber();
  }
}

const MAX_SCALE = 28;
const MAX_UNITS = 79228162514264337593543950335n;

function fractionDigits(value: number): number {
  const text = String(value);
  const e = text.indexOf('e-');
  if (e >= 0) return Number(text.slice(e + 2)) + (text.slice(0, e).split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

function align(a: DecimalNumber, b: DecimalNumber): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

function checked(units: bigint, scale: number): DecimalNumber {
  // Keep within .NET's 96-bit range by dropping fraction digits (rounding half to even).
  let u = units;
  let s = scale;
  while ((u < 0n ? -u : u) > MAX_UNITS || s > MAX_SCALE) {
    if (s === 0) throw new RangeError('Value was either too large or too small for a Decimal.');
    u = roundDiv(u, 10n);
    s--;
  }
  return new DecimalNumber(u, s);
}

/** a / b rounded half to even. */
function roundDiv(a: bigint, b: bigint): bigint {
  let q = a / b;
  const r = a % b;
  const twice = (r < 0n ? -r : r) * 2n;
  const divisor = b < 0n ? -b : b;
  if (twice > divisor || (twice === divisor && q % 2n !== 0n)) q += (a < 0n) === (b < 0n) ? 1n : -1n;
  return q;
}

export type DecimalOperation = 'add' | 'sub' | 'mul' | 'div' | 'mod';

export function decimalArithmetic(operation: DecimalOperation, left: number | DecimalNumber, right: number | DecimalNumber): DecimalNumber {
  const a = DecimalNumber.from(left);
  const b = DecimalNumber.from(right);
  switch (operation) {
    case 'add': {
      const [x, y, scale] = align(a, b);
      return checked(x + y, scale);
    }
    case 'sub': {
      const [x, y, scale] = align(a, b);
      return checked(x - y, scale);
    }
    case 'mul':
      return checked(a.units * b.units, a.scale + b.scale);
    case 'div': {
      const [x, y] = align(a, b);
      // 28 fraction digits, then trailing zeros dropped as .NET does for a division result.
      let units = roundDiv(x * 10n ** 28n, y);
      let scale = 28;
      while (scale > 0 && units % 10n === 0n) {
        units /= 10n;
        scale--;
      }
      return checked(units, scale);
    }
    case 'mod': {
      const [x, y, scale] = align(a, b);
      return checked(x % y, scale);
    }
  }
}

/** Replaces decimals anywhere in a result by JSON numbers. */
export function plainDecimals(value: unknown): unknown {
  if (value instanceof DecimalNumber) return value.toNumber();
  if (Array.isArray(value)) return value.some(hasDecimal) ? value.map(plainDecimals) : value;
  if (value !== null && typeof value === 'object' && hasDecimal(value)) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) result[key] = plainDecimals(item);
    return result;
  }
  return value;
}

function hasDecimal(value: unknown): boolean {
  if (value instanceof DecimalNumber) return true;
  if (Array.isArray(value)) return value.some(hasDecimal);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasDecimal);
  return false;
}
