import { describe, expect, it } from 'vitest';
import { Pending } from '../../tools/engine/sync-or-async.js';

/**
 * A concurrency turn is a gate (Pending.gate + grant): it must run its handler exactly when a
 * `then` on a Pending resolved at the moment of the grant would, so turn order stays as it was.
 */
describe('Pending.gate', () => {
  const settle = () => new Promise((done) => setTimeout(done, 0));

  it.each([
    ['granted before other reactions are queued', true],
    ['granted after other reactions are queued', false],
  ])('runs in the same queue position as then() on a just-resolved Pending (%s)', async (_label, grantFirst) => {
    const scenario = async (useGate: boolean): Promise<string[]> => {
      const log: string[] = [];
      const other = new Pending<void>();
      other.then(() => log.push('other'));
      let grant: () => void;
      let waited: PromiseLike<string>;
      if (useGate) {
        const gate = Pending.gate(() => {
          log.push('turn');
          return 'ran';
        });
        grant = () => gate.grant();
        waited = gate;
      } else {
        const turn = new Pending<void>();
        waited = turn.then(() => {
          log.push('turn');
          return 'ran';
        });
        grant = () => turn.resolve();
      }
      waited.then((value) => log.push(`after:${value}`));
      if (grantFirst) grant();
      other.resolve();
      if (!grantFirst) grant();
      log.push('sync end');
      await settle();
      return log;
    };
    const gated = await scenario(true);
    expect(gated).toEqual(await scenario(false));
    expect(gated[0]).toBe('sync end');
    expect(gated).toContain('after:ran');
  });

  it('runs the handler once, however often it is granted, and not before', async () => {
    let runs = 0;
    const gate = Pending.gate(() => ++runs);
    await settle();
    expect(runs).toBe(0);
    gate.grant();
    gate.grant();
    await settle();
    gate.grant();
    await settle();
    expect(runs).toBe(1);
    expect(gate.state).toBe(1);
    expect(gate.value).toBe(1);
  });

  it('rejects when the handler throws, and adopts a Pending the handler returns', async () => {
    const failing = Pending.gate(() => {
      throw new Error('boom');
    });
    const later = new Pending<string>();
    const adopting = Pending.gate(() => later);
    const seen: string[] = [];
    failing.then(undefined, (error: unknown) => seen.push((error as Error).message));
    adopting.then((value) => seen.push(value));
    failing.grant();
    adopting.grant();
    await settle();
    expect(seen).toEqual(['boom']);
    later.resolve('adopted');
    await settle();
    expect(seen).toEqual(['boom', 'adopted']);
  });
});
