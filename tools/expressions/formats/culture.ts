/**
 * Culture data for .NET-style number and date formatting, read from the platform's Intl (ICU) data,
 * as .NET on Linux reads it from ICU too. Cached per locale name.
 */

export interface NumberCulture {
  locale: string;
  decimal: string;
  group: string;
  minus: string;
  percent: string;
  /** ISO currency of the culture's region (for the 'C' format), when known. */
  currency: string | undefined;
}

const numberCultures = new Map<string, NumberCulture>();

/** Default currency per region: ISO 4217 codes for the regions whose cultures flows commonly use. */
const REGION_CURRENCY: Record<string, string> = {
  US: 'USD', GB: 'GBP', IE: 'EUR', DE: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', NL: 'EUR', BE: 'EUR', AT: 'EUR',
  PT: 'EUR', FI: 'EUR', GR: 'EUR', LU: 'EUR', SK: 'EUR', SI: 'EUR', EE: 'EUR', LV: 'EUR', LT: 'EUR', HR: 'EUR',
  IS: 'ISK', NO: 'NOK', SE: 'SEK', DK: 'DKK', CH: 'CHF', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON', BG: 'BGN',
  CA: 'CAD', AU: 'AUD', NZ: 'NZD', JP: 'JPY', CN: 'CNY', IN: 'INR', BR: 'BRL', MX: 'MXN', ZA: 'ZAR', KR: 'KRW',
  RU: 'RUB', TR: 'TRY', SG: 'SGD', HK: 'HKD', TW: 'TWD', IL: 'ILS', AE: 'AED', SA: 'SAR', AR: 'ARS', CL: 'CLP',
  CO: 'COP', PE: 'PEN', UA: 'UAH', TH: 'THB', MY: 'MYR', ID: 'IDR', PH: 'PHP', VN: 'VND', EG: 'EGP', NG: 'NGN',
};

/** A locale name as .NET accepts it ('en-us', 'fr-FR', 'is-IS'); '' means the invariant culture. */
const canonicalNames = new Map<string, string>();

export function canonicalLocale(locale: string | undefined): string {
  if (locale === undefined || locale === '') return 'en-US';
  let name = canonicalNames.get(locale);
  if (name !== undefined) return name;
  try {
    name = locale.toLowerCase() === 'invariant' ? 'en-US' : (Intl.getCanonicalLocales(locale)[0] ?? 'en-US');
  } catch {
    throw new Error(`The culture '${locale}' is not a valid culture name.`);
  }
  if (canonicalNames.size < 1000) canonicalNames.set(locale, name);
  return name;
}

export function numberCulture(locale: string | undefined): NumberCulture {
  const name = canonicalLocale(locale);
  let culture = numberCultures.get(name);
  if (culture) return culture;
  const parts = new Intl.NumberFormat(name, { useGrouping: true }).formatToParts(-12345.6);
  const find = (type: string, fallback: string) => parts.find((part) => part.type === type)?.value ?? fallback;
  const percentParts = new Intl.NumberFormat(name, { style: 'percent' }).formatToParts(0.5);
  const region = new Intl.Locale(name).maximize().region;
  culture = {
    locale: name,
    decimal: find('decimal', '.'),
    group: find('group', ','),
    minus: find('minusSign', '-'),
    percent: percentParts.find((part) => part.type === 'percentSign')?.value ?? '%',
    currency: region ? REGION_CURRENCY[region] : undefined,
  };
  numberCultures.set(name, culture);
  return culture;
}
