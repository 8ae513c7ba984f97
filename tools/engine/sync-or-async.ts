/**
 * Most actions finish synchronously; only I/O, waits and concurrency turns need a promise. The
 * runner passes `T | Promise<T>` around and only goes async when it must, which keeps a
 * 100k-iteration loop of Compose/Condition/SetVariable close to the speed of a hand-written loop.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  // Every asynchronous path of the engine produces native promises.
  return value instanceof Promise;
}

/** `fn(value)` now if `value` is ready, else when it is. */
export function andThen<T, R>(value: MaybePromise<T>, fn: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isPromise(value) ? value.then(fn) : fn(value);
}
