/**
 * Deterministic emulation of concurrency. Concurrent Foreach iterations run as tasks that take
 * turns action by action: a task holds the turn from one leaf action until it reaches its next
 * one (containers, skips and branch records in between are part of its turn), then yields; the
 * next turn goes to the ready task with the earliest virtual time, ties in the order the tasks
 * yielded (first in, first out). The order thus depends only on the actions' virtual times, not on
 * how deeply an action is nested in If/Switch/Scope, nor on how continuations reach the queue.
 * With a fake clock this interleaves iterations round-robin (all first actions, then all second
 * actions...), so the classic "SetVariable inside a parallel loop" surprise shows up locally
 * exactly as Microsoft's docs warn. Logic Apps itself runs iterations truly in parallel (order
 * not guaranteed); this is one valid order, made reproducible.
 *
 * Container actions (Scope, If, Foreach...) never take a turn; only the actions they run do.
 */
import { Pending } from '../sync-or-async.js';

export type TaskState = 'running' | 'waiting' | 'holding' | 'blocked' | 'done';

export class Task {
  state: TaskState = 'running';
  /** Place in the first-in first-out order of yielding: the tie-break between equal times. */
  seq = 0;
  /** Whether the task ran an action: its first one runs in the turn it started with (no yield before it). */
  started = false;
  /** The wait for a turn (a gate: it runs the action when granted), while the task waits. */
  turn: Pending<unknown> | undefined;
  /** Place in the scheduler's heap of contenders; -1 while blocked or done. */
  heapIndex = -1;
  /** What waits for the turn (the runner's action), and the handler that runs it: made once per task. */
  parked: unknown = undefined;
  onGranted: (() => unknown) | undefined = undefined;
  /** Virtual time (ms since 1970); declared with a number so that V8 keeps it unboxed (see ActionRun.start). */
  time = Number.NaN;

  constructor(
    /** Iteration indexes from the run's root (the last one is the task's item in its loop). */
    readonly order: number[],
    time: number,
  ) {
    this.time = time;
  }
}

/**
 * The tasks not blocked on children and not done (running, waiting, or holding the turn) are kept
 * in a binary heap by (time, yield order), so finding the next one costs O(log n), not a scan of
 * every iteration of a 50-wide loop after every action. While a task holds the turn, only its own
 * code runs: the next holder is chosen when it yields, finishes or blocks.
 */
export class TurnScheduler {
  private readonly heap: Task[] = [];
  /** Tasks spawned and not yet finished (blocked ones included). */
  private live = 0;
  private holder: Task | undefined;
  /** The next place in the yield order. */
  private yields = 0;

  spawn(order: number[], time: number): Task {
    const task = new Task(order, time);
    task.seq = this.yields++;
    this.live++;
    this.insert(task);
    return task;
  }

  /**
   * The task's iteration ended and its worker goes on with item `index` of the same loop: the same
   * task (no new task and turn handler per iteration), in the same place, still holding the turn
   * if it held it. The new iteration yields before its first action, as after any action.
   */
  respawn(task: Task, index: number, time: number): Task {
    task.order[task.order.length - 1] = index;
    task.parked = undefined;
    if (task.time !== time) {
      task.time = time;
      this.reorder(task);
    }
    return task;
  }

  /** Whether `task` is the only live task: its actions then get the turn at once (compiled loops rely on it). */
  isAlone(task: Task): boolean {
    return this.live === 1 && task.state !== 'done' && task.state !== 'blocked';
  }

  /**
   * tryAcquire + release of one action that took a task alone in the run (isAlone) from its time to
   * `end`: the same end state, none of the heap work.
   */
  passAlone(task: Task, ended: { readonly end: number }): void {
    task.time = ended.end;
  }

  /** The task ended: it no longer competes for turns. */
  finish(task: Task): void {
    if (task.state === 'done') return;
    task.state = 'done';
    this.live--;
    this.remove(task);
    if (this.holder === task) this.holder = undefined;
    this.dispatch();
  }

  /**
   * The last task of a loop ended: its parent (blocked on the loop) competes again and, if the
   * child held the turn, takes it over, so nobody else runs between the loop's last action and
   * the parent's next step.
   */
  finishInto(task: Task, parent: Task): void {
    const held = this.holder === task;
    task.state = 'done';
    this.live--;
    this.remove(task);
    parent.state = held ? 'holding' : 'running';
    if (held) this.holder = parent;
    this.insert(parent);
    if (!held) this.dispatch();
  }

  /** The task waits for its child tasks (a loop inside it): it does not compete meanwhile. */
  block(task: Task): void {
    task.state = 'blocked';
    this.remove(task);
    if (this.holder === task) this.holder = undefined;
    this.dispatch();
  }

  /**
   * Whether the task may run an action starting at `time` now (it then holds the turn); if not, it
   * must `wait` for it. The holder reaching its next action yields: it takes the last place in the
   * yield order and keeps the turn only if it still comes first.
   */
  tryAcquire(task: Task, time: number): boolean {
    if (this.holder === task) {
      task.time = time;
      if (this.live === 1 || !task.started) {
        task.started = true;
        if (this.heap.length > 1) this.reorder(task);
        return true;
      }
      task.seq = this.yields++;
      this.reorder(task);
      if (this.heap[0] === task) return true;
      this.holder = undefined;
      task.state = 'running';
      return false;
    }
    if (task.time !== time) {
      task.time = time;
      this.reorder(task);
    }
    if (this.live === 1 || (!this.holder && this.heap[0] === task)) {
      task.state = 'holding';
      task.started = true;
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

  /** The task's action ended at `endTime`; the task keeps the turn until it reaches its next action. */
  release(task: Task, endTime: number): void {
    if (task.time !== endTime) {
      task.time = endTime;
      if (this.heap.length > 1) this.reorder(task);
    }
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

  /** The task's key (time, yield order) changed. */
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
  return a.seq < b.seq;
}
