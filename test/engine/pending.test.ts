import { describe, expect, it } from 'vitest';
import { Pending, andThen, isPromise } from '../../tools/engine/sync-or-async.js';

/** The engine's own promise-like for concurrency turns: it must behave like a promise where the engine relies on it. */
describe('Pending', () => {
  it('runs reactions after the code that settled it, in the order native promises run them', async () => {
    const scenario = async (make: () => { promise: PromiseLike<number>; resolve: (v: number) => void }): Promise<string[]> => {
      const log: string[] = [];
      const a = make();
      const b = make();
      a.promise.then((v) => log.push(`a1:${v}`));
      b.promise.then((v) => log.push(`b:${v}`)).then(() => log.push('b then'));
      a.promise.then((v) => log.push(`a2:${v}`));
      a.resolve(1);
      log.push('after resolve a');
      b.resolve(2);
      await new Promise((done) => setTimeout(done, 0));
      return log;
    };
    const pending = await scenario(() => {
      const p = new Pending<number>();
      return { promise: p, resolve: (v) => p.resolve(v) };
    });
    const native = await scenario(() => {
      let resolve!: (v: number) => void;
      const promise = new Promise<number>((r) => (resolve = r));
      return { promise, resolve };
    });
    expect(pending).toEqual(['after resolve a', 'a1:1', 'a2:1', 'b:2', 'b then']);
    expect(pending).toEqual(native);
  });

  it.each([
    ['a value', (p: Pending<number>) => p.then((v) => v + 1), 2],
    ['a Pending settled later', (p: Pending<number>) => p.then((v) => {
      const later = new Pending<number>();
      queueMicrotask(() => later.resolve(v + 10));
      return later;
    }), 11],
    ['an already settled Pending', (p: Pending<number>) => p.then((v) => {
      const done = new Pending<number>();
      done.resolve(v + 20);
      return done;
    }), 21],
    ['a native promise', (p: Pending<number>) => p.then((v) => Promise.resolve(v + 30)), 31],
  ] as Array<[string, (p: Pending<number>) => PromiseLike<number>, number]>)('then() adopts %s', async (_name, chain, expected) => {
    const start = new Pending<number>();
    const result = chain(start);
    start.resolve(1);
    await expect(result).resolves.toBe(expected);
  });

  it('passes a rejection (and a thrown error) down the chain to the first handler', async () => {
    const start = new Pending<number>();
    const skipped: number[] = [];
    const handled = start
      .then((v) => {
        throw new Error(`boom ${v}`);
      })
      .then((v) => skipped.push(v))
      .then(undefined, (error: unknown) => `handled ${(error as Error).message}`);
    start.resolve(7);
    await expect(handled).resolves.toBe('handled boom 7');
    expect(skipped).toEqual([]);
    const rejected = new Pending<number>();
    rejected.reject(new Error('no'));
    await expect(rejected).rejects.toThrow('no');
  });

  it('settles a chain of 200k adoptions without growing the stack', async () => {
    const first = new Pending<number>();
    let chain: PromiseLike<number> = first;
    const step = (n: number): PromiseLike<number> => {
      const next = new Pending<number>();
      next.resolve(n + 1);
      return n + 1 >= 200_000 ? next : next.then(step);
    };
    chain = first.then(step);
    first.resolve(0);
    // Each step returns a Pending the previous one adopts: a recursive settle would overflow.
    await expect(chain).resolves.toBe(200_000);
    const deep = new Pending<number>();
    let last: PromiseLike<number> = deep;
    for (let i = 0; i < 200_000; i++) last = last.then((v) => v + 1);
    deep.resolve(0);
    await expect(last).resolves.toBe(200_000);
  });

  it('isPromise and andThen treat Pendings and native promises alike, values as ready', async () => {
    const pending = new Pending<number>();
    expect(isPromise(pending)).toBe(true);
    expect(isPromise(Promise.resolve(1))).toBe(true);
    expect(isPromise(1)).toBe(false);
    expect(andThen(2, (v) => v * 2)).toBe(4);
    const later = andThen(pending, (v) => v * 3);
    pending.resolve(5);
    await expect(later).resolves.toBe(15);
  });
});
