import { describe, expect, it } from 'vitest';
import { normaliseDateTime } from '../../../tools/mocks/dataverse/model/column-types/date-time.js';

// The plain `YYYY-MM-DDTHH:MM:SS[Z]` form has a fast path; every case must give what the general rule gives.
describe('normaliseDateTime', () => {
  it.each([
    ['2026-11-02T00:03:35', '2026-11-02T00:03:35Z'],
    ['2026-11-02T23:59:59Z', '2026-11-02T23:59:59Z'],
    ['2024-02-29T12:00:00', '2024-02-29T12:00:00Z'],
    ['2000-02-29T12:00:00Z', '2000-02-29T12:00:00Z'],
    ['2023-02-29T12:00:00', undefined],
    ['1900-02-29T12:00:00Z', undefined],
    ['2021-02-31T10:00:00Z', undefined],
    ['2021-04-31T10:00:00', undefined],
    ['2021-13-01T10:00:00', undefined],
    ['2021-00-01T10:00:00', undefined],
    ['2021-01-00T10:00:00', undefined],
    ['2021-01-01T24:00:00Z', undefined],
    ['2021-01-01T10:60:00Z', undefined],
    ['2021-01-01t10:00:00z', '2021-01-01T10:00:00Z'],
    ['2024-05-01T10:00:00.123Z', '2024-05-01T10:00:00Z'],
    ['2024-05-01T10:00:00+02:00', '2024-05-01T08:00:00Z'],
    ['2024-05-01', '2024-05-01T00:00:00Z'],
    [' 2024-05-01T10:00:00Z ', '2024-05-01T10:00:00Z'],
    ['0999-05-01T10:00:00Z', '0999-05-01T10:00:00Z'],
    ['not a date', undefined],
  ])('%j -> %j', (text, expected) => {
    expect(normaliseDateTime(text)).toBe(expected);
  });
});
