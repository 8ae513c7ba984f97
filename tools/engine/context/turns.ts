/**
 * Deterministic emulation of concurrency. Concurrent Foreach iterations run as tasks; one action at
 * a time runs (so real I/O stays ordered and reproducible), and the next turn goes to the task whose
 * next action starts earliest in virtual time, then the one that has run fewest actions, then the
 * lowest iteration path. With a fake clock this interleaves iterations the way a parallel loop does
 * (all first actions, then all second actions...), so the classic "SetVariable inside a parallel
 * loop" surprise shows up locally exactly as Microsoft's docs warn.
 *
 * Container actions (Scope, If, Foreach...) never hold a turn; only the actions they run do.
 */
import { Pending } from '../sync-or-async.js';

export type TaskState = 'running' | 'waiting' | 'holding' | 'blocked' | 'done';

export class Task {
  state: TaskState = 'running';
  step = 0;
  /** The wait for a turn (a gate: it runs the action when granted), while the task waits. */
  turn: Pending<unknown> | undefined;
  /** Place in the scheduler's heap of contenders; -1 while blocked or done. */
  heapIndex = -1;
  /** What waits for the turn (the runner's action), and the handler that runs it: made once per task. */
  parked: unknown = undefined;
  onGranted: (() => unknown) | undefined = undefined;

  constructor(
    /** Iteration indexes from the run's root: the final tie-break. */
    readonly order: number[],
    public time: number,
  ) {}
}

/**
 * The tasks not blocked on children and not done (running, waiting, or holding the turn) are kept
 * in a binary heap by turn order, so finding the next one costs O(log n), not a scan of every
 * iteration of a 50-wide loop after every action. The holder stays in the heap: the next turn is
 * only looked for while nobody holds it.
 */
export class TurnScheduler {
  private readonly heap: Task[] = [];
  /** Tasks spawned and not yet finished (blocked ones included). */
  private live = 0;
  private holder: Task | undefined;

  spawn(order: number[], time: number): Task {
    const task = new Task(order, time);
    this.live++;
    this.insert(task);
    return task;
  }

  /**
   * A finished task starts again as the task of item `index` of the same loop: exactly what
   * `spawn` would make (its order's last index replaced), without a new task and turn handler per
   * iteration. Only its loop's worker holds a finished task, so nothing else sees the change.
   */
  respawn(task: Task, index: number, time: number): Task {
    if (task.state !== 'done') throw new Error('respawn needs a finished task');
    task.order[task.order.length - 1] = index;
    task.time = time;
    task.state = 'running';
    task.step = 0;
    task.turn = undefined;
    task.parked = undefined;
    this.live++;
    this.insert(task);
    return task;
  }

  /** Whether `task` is the only live task: its actions then get the turn at once (compiled loops rely on it). */
  isAlone(task: Task): boolean {
    return this.live === 1 && task.state !== 'done' && task.state !== 'blocked';
  }

  /**
   * tryAcquire + release of one action that took a task alone in the run (isAlone) from its time to
   * `end`: the same end state (time, one more step, nobody holding the turn), none of the heap work.
   */
  passAlone(task: Task, end: number): void {
    task.time = end;
    task.step++;
  }

  /** The task ended: it no longer competes for turns. */
  finish(task: Task): void {
    if (task.state === 'done') return;
    task.state = 'done';
    this.live--;
    this.remove(task);
    this.dispatch();
  }

  /** The task waits for its child tasks (a loop inside it): it does not compete meanwhile. */
  block(task: Task): void {
    task.state = 'blocked';
    this.remove(task);
    this.dispatch();
  }

  unblock(task: Task): void {
    task.state = 'running';
    this.insert(task);
  }

  /**
   * Whether the task may run an action starting at `time` now (it then holds the turn); if not, it
   * must `wait` for it.
   */
  tryAcquire(task: Task, time: number): boolean {
    if (task.time !== time) {
      task.time = time;
      this.reorder(task);
    }
    if (this.live === 1 || (!this.holder && this.heap[0] === task)) {
      task.state = 'holding';
      this.holder = task;
      return true;
    }
    return false;
  }

  /**
   * After `tryAcquire` said no: `action` runs when the task gets the turn; the returned Pending
   * settles with its result. A gate, not a promise: no microtask hop per action of a concurrent loop.
   */
  wait<R>(task: Task, action: () => R | PromiseLike<R>): Pending<R> {
    task.state = 'waiting';
    const turn = Pending.gate(action);
    task.turn = turn as Pending<unknown>;
    this.dispatch();
    return turn;
  }

  release(task: Task, endTime: number): void {
    const later = endTime >= task.time;
    task.time = endTime;
    task.step++;
    task.state = 'running';
    // Alone in the heap (a run without concurrent loops), the task keeps its place; otherwise a
    // later key (the usual case: same or later time, one more step) can only move it down.
    if (this.heap.length > 1) {
      if (later && task.heapIndex >= 0) this.down(task.heapIndex);
      else this.reorder(task);
    }
    if (this.holder === task) this.holder = undefined;
    if (this.live > 1) this.dispatch();
  }

  private dispatch(): void {
    if (this.holder) return;
    const next = this.heap[0];
    if (next?.state !== 'waiting') return; // the earliest task is still on its way to the gate
    next.state = 'holding';
    this.holder = next;
    const turn = next.turn;
    next.turn = undefined;
    turn?.grant();
  }

  // The heap of contenders, ordered by `before`.

  private insert(task: Task): void {
    if (task.heapIndex >= 0) return;
    task.heapIndex = this.heap.length;
    this.heap.push(task);
    this.up(task.heapIndex);
  }

  private remove(task: Task): void {
    const at = task.heapIndex;
    if (at < 0) return;
    task.heapIndex = -1;
    const last = this.heap.pop() as Task;
    if (at < this.heap.length) {
      this.heap[at] = last;
      last.heapIndex = at;
      this.up(at);
      this.down(last.heapIndex);
    }
  }

  /** The task's key (time, step) changed. */
  private reorder(task: Task): void {
    const at = task.heapIndex;
    if (at < 0) return;
    this.up(at);
    this.down(task.heapIndex);
  }

  private up(at: number): void {
    const heap = this.heap;
    const task = heap[at] as Task;
    while (at > 0) {
      const parentAt = (at - 1) >> 1;
      const parent = heap[parentAt] as Task;
      if (!before(task, parent)) break;
      heap[at] = parent;
      parent.heapIndex = at;
      at = parentAt;
    }
    heap[at] = task;
    task.heapIndex = at;
  }

  private down(at: number): void {
    const heap = this.heap;
    const size = heap.length;
    const task = heap[at] as Task;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && before(heap[right] as Task, heap[left] as Task) ? right : left;
      const smaller = heap[child] as Task;
      if (!before(smaller, task)) break;
      heap[at] = smaller;
      smaller.heapIndex = at;
      at = child;
    }
    heap[at] = task;
    task.heapIndex = at;
  }
}

function before(a: Task, b: Task): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.step !== b.step) return a.step < b.step;
  const length = Math.min(a.order.length, b.order.length);
  for (let i = 0; i < length; i++) {
    if (a.order[i] !== b.order[i]) return (a.order[i] as number) < (b.order[i] as number);
  }
  return a.order.length < b.order.length;
}
