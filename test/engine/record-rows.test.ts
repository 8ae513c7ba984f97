import { describe, expect, it } from 'vitest';
import { RecordRows } from '../../tools/engine/history/record-rows.js';

/** The history's rows (tools/engine/history/record-rows.ts) give back exactly what was written. */

const T = Date.parse('2024-01-01T00:00:00Z');
const DAY = 86_400_000;

interface Row {
  key: number;
  status: number;
  shape: number;
  loopIndex: number;
  start: number;
  end: number;
}

const rows: Array<{ name: string; row: Row }> = [
  { name: 'the first row (the base of later starts)', row: { key: 0, status: 1, shape: 0, loopIndex: -1, start: T, end: T } },
  { name: 'a row that takes no time', row: { key: 3, status: 3, shape: 4, loopIndex: 99_999, start: T + 5, end: T + 5 } },
  { name: 'a row that takes time (wide)', row: { key: 7, status: 2, shape: 1, loopIndex: 0, start: T + 10, end: T + 2_500 } },
  { name: 'a row starting before the first one (wide)', row: { key: 1, status: 4, shape: 2, loopIndex: -2, start: T - 1_000, end: T - 1_000 } },
  { name: 'a row 30 days later (past the 32-bit offset: wide)', row: { key: 499, status: 7, shape: 3, loopIndex: 12, start: T + 30 * DAY, end: T + 30 * DAY } },
  { name: 'a row 20 days later (fits)', row: { key: 2, status: 5, shape: 0, loopIndex: 1, start: T + 20 * DAY, end: T + 20 * DAY } },
  { name: 'a fractional time (wide)', row: { key: 4, status: 6, shape: 0, loopIndex: 3, start: T + 0.5, end: T + 0.5 } },
  { name: 'the last status and a large key', row: { key: 1 << 20, status: 7, shape: 4, loopIndex: 7, start: T, end: T } },
];

function read(rows: RecordRows, index: number): Row {
  return { key: rows.key(index), status: rows.status(index), shape: rows.shape(index), loopIndex: rows.loopIndex(index), start: rows.start(index), end: rows.end(index) };
}

describe('record rows', () => {
  it.each(rows)('$name', ({ row }) => {
    const stored = new RecordRows();
    stored.write(0, 0, 1, 0, -1, { start: T, end: T });
    stored.write(1, row.key, row.status, row.shape, row.loopIndex, { start: row.start, end: row.end });
    expect(read(stored, 1)).toEqual(row);
    expect(read(stored, 0)).toEqual(rows[0]?.row);
  });

  it('keeps every row across chunk boundaries (the first chunk doubling, then whole chunks)', () => {
    const stored = new RecordRows();
    const count = 200_003;
    for (let i = 0; i < count; i++) stored.write(i, i % 500, i % 8, i % 5, i - 1, { start: T + (i % 7 === 0 ? -i : i), end: T + i + (i % 11 === 0 ? 3 : 0) });
    for (let i = 0; i < count; i += 997) {
      expect(read(stored, i)).toEqual({ key: i % 500, status: i % 8, shape: i % 5, loopIndex: i - 1, start: T + (i % 7 === 0 ? -i : i), end: T + i + (i % 11 === 0 ? 3 : 0) });
    }
    expect(read(stored, count - 1).loopIndex).toBe(count - 2);
  });

  it('keeps rows written out of order, back and forth across chunks (a container is stored after the records inside it)', () => {
    const stored = new RecordRows();
    const count = 140_000;
    // Every 1000th row is written only after the next 999: rows go back into earlier chunks, the first one still small.
    const order: number[] = [];
    for (let first = 0; first < count; first += 1000) {
      for (let i = first + 1; i < Math.min(first + 1000, count); i++) order.push(i);
      order.push(first);
    }
    order.push(0);
    for (const i of order) stored.write(i, i % 300, 1, i % 4, i, { start: T, end: T });
    for (let i = 0; i < count; i += 499) expect(read(stored, i)).toEqual({ key: i % 300, status: 1, shape: i % 4, loopIndex: i, start: T, end: T });
    for (const i of [0, 65_535, 65_536, 131_071, 131_072, count - 1]) expect(read(stored, i).loopIndex).toBe(i);
  });
});
