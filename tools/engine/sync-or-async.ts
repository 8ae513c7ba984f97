/**
 * Most actions finish synchronously; only I/O, waits and concurrency turns need to wait. The
 * runner passes `T | PromiseLike<T>` around and only goes async when it must, which keeps a
 * 100k-iteration loop of Compose/Condition/SetVariable close to the speed of a hand-written loop.
 *
 * A wait for a concurrency turn is a `Pending`, not a native promise: iterations of a concurrent
 * Foreach take turns after every action, and a native promise would cost a microtask hop (and a
 * promise per `then`) each time. A Pending runs its reactions from its own job queue instead, in
 * the same first-in first-out order a promise's microtasks would run, one native microtask per
 * pass over the queue, without ever growing the stack: a reaction that settles another Pending only
 * queues that one's reactions.
 */
export type MaybePromise<T> = T | PromiseLike<T>;

export function isPromise<T>(value: MaybePromise<T>): value is PromiseLike<T> {
  // Every asynchronous path of the engine produces native promises or Pendings.
  return value instanceof Pending || value instanceof Promise;
}

/** `fn(value)` now if `value` is ready, else when it is. */
export function andThen<T, R>(value: MaybePromise<T>, fn: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isPromise(value) ? value.then(fn) : fn(value);
}

const PENDING = 0;
const FULFILLED = 1;
const REJECTED = 2;

/**
 * A reaction is the derived Pending itself: `then` makes one derived Pending per call, so the
 * handlers (or the adoption of a source's result) live on it rather than in a separate object,
 * and a Pending with one dependent (the usual case) keeps it without an array.
 */
const queue: Array<Pending<unknown>> = [];
let head = 0;
let draining = false;
let scheduled = false;

function enqueue(source: Pending<unknown>, reaction: Pending<unknown>): void {
  reaction.source = source;
  queue.push(reaction);
  schedule();
}

/**
 * Reactions never run inside the code that settled their Pending (a promise's would not either:
 * the turn goes to the next task only once the releasing one reached its next wait). The first
 * reaction queued outside a pass schedules one microtask for the whole pass.
 */
function schedule(): void {
  if (draining || scheduled) return;
  scheduled = true;
  queueMicrotask(drain);
}

/** Runs queued reactions until none is left; reactions queued meanwhile run in the same pass. */
function drain(): void {
  scheduled = false;
  draining = true;
  try {
    while (head < queue.length) {
      const reaction = queue[head] as Pending<unknown>;
      queue[head++] = undefined as unknown as Pending<unknown>;
      // A long pass (a whole concurrent loop) keeps the queue small: a huge array taking young
      // reactions would cost every minor collection.
      if (head === 1024) {
        queue.copyWithin(0, head);
        queue.length -= head;
        head = 0;
      }
      react(reaction);
    }
  } finally {
    queue.length = 0;
    head = 0;
    draining = false;
  }
}

function react(derived: Pending<unknown>): void {
  const source = derived.source as Pending<unknown>;
  derived.source = undefined;
  const fulfilled = source.state === FULFILLED;
  const handler = derived.adopt ? undefined : fulfilled ? derived.onFulfilled : derived.onRejected;
  derived.onFulfilled = undefined;
  derived.onRejected = undefined;
  if (handler === undefined) {
    if (fulfilled) derived.resolve(source.value);
    else derived.reject(source.value);
    return;
  }
  let result: unknown;
  try {
    result = handler(source.value as never);
  } catch (error) {
    derived.reject(error);
    return;
  }
  derived.resolve(result);
}

/** A promise-like value settled by the engine itself; see the module comment. */
export class Pending<T> implements PromiseLike<T> {
  state = PENDING;
  value: unknown = undefined;
  /** The Pending(s) reacting to this one: one, or an array when several are. */
  private reactions: Pending<unknown> | Array<Pending<unknown>> | undefined = undefined;
  // As a reaction: what settles this Pending once `source` has settled (see react).
  /** @internal */ source: Pending<unknown> | undefined = undefined;
  /** @internal */ onFulfilled: ((value: never) => unknown) | undefined = undefined;
  /** @internal */ onRejected: ((reason: unknown) => unknown) | undefined = undefined;
  /** @internal Settles with the source's own result (resolved with a pending Pending). */ adopt = false;

  then<R1 = T, R2 = never>(onFulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null, onRejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): Pending<R1 | R2> {
    const derived = new Pending<R1 | R2>();
    derived.onFulfilled = (onFulfilled ?? undefined) as Pending<unknown>['onFulfilled'];
    derived.onRejected = onRejected ?? undefined;
    this.register(derived as Pending<unknown>);
    return derived;
  }

  /**
   * A Pending that runs `onGranted` once `grant()` is called, exactly as a `then` on a Pending
   * resolved at that moment would (one pass through the queue), without that second Pending: a
   * concurrency turn is one of these per action.
   */
  static gate<R>(onGranted: () => R | PromiseLike<R>): Pending<R> {
    const gate = new Pending<R>();
    gate.onFulfilled = onGranted as Pending<unknown>['onFulfilled'];
    return gate;
  }

  /** Lets a gate's handler run (see `gate`). */
  grant(): void {
    if (this.state === PENDING && this.source === undefined) enqueue(GRANTED, this as Pending<unknown>);
  }

  resolve(value: T | PromiseLike<T>): void {
    if (this.state !== PENDING) return;
    if (value instanceof Pending) {
      if (value === this) {
        this.reject(new TypeError('a Pending cannot resolve to itself'));
        return;
      }
      // Already settled: take its result now rather than one more pass through the queue.
      if (value.state !== PENDING) {
        this.settle(value.state, value.value);
        return;
      }
      this.adopt = true;
      value.register(this as Pending<unknown>);
      return;
    }
    if (value !== null && (typeof value === 'object' || typeof value === 'function') && typeof (value as PromiseLike<T>).then === 'function') {
      (value as PromiseLike<T>).then(
        (settled) => this.resolve(settled),
        (error: unknown) => this.reject(error),
      );
      return;
    }
    this.settle(FULFILLED, value);
  }

  reject(reason: unknown): void {
    if (this.state !== PENDING) return;
    this.settle(REJECTED, reason);
  }

  private register(reaction: Pending<unknown>): void {
    const reactions = this.reactions;
    if (this.state !== PENDING) enqueue(this as Pending<unknown>, reaction);
    else if (reactions === undefined) this.reactions = reaction;
    else if (Array.isArray(reactions)) reactions.push(reaction);
    else this.reactions = [reactions, reaction];
  }

  private settle(state: number, value: unknown): void {
    this.state = state;
    this.value = value;
    const reactions = this.reactions;
    if (reactions === undefined) return;
    this.reactions = undefined;
    if (Array.isArray(reactions)) {
      for (let i = 0; i < reactions.length; i++) {
        const reaction = reactions[i] as Pending<unknown>;
        reaction.source = this as Pending<unknown>;
        queue.push(reaction);
      }
    } else {
      reactions.source = this as Pending<unknown>;
      queue.push(reactions);
    }
    schedule();
  }
}

/** The already settled source a granted gate reacts to. */
const GRANTED = new Pending<unknown>();
GRANTED.resolve(undefined);
