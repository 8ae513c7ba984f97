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
  /** The wait for a turn, while the task waits. */
  turn: Pending<void> | undefined;

  constructor(
    /** Iteration indexes from the run's root: the final tie-break. */
    readonly order: readonly number[],
    public time: number,
  ) {}
}

export class TurnScheduler {
  /** Live tasks; an array (not a Set) so the scan for the next turn allocates no iterator. */
  private readonly tasks: Task[] = [];
  private holder: Task | undefined;

  spawn(order: readonly number[], time: number): Task {
    const task = new Task(order, time);
    this.tasks.push(task);
    return task;
  }

  /** The task ended: it no longer competes for turns. */
  finish(task: Task): void {
    task.state = 'done';
    const tasks = this.tasks;
    const at = tasks.indexOf(task);
    if (at >= 0) {
      tasks[at] = tasks[tasks.length - 1] as Task;
      tasks.pop();
    }
    this.dispatch();
  }

  /** The task waits for its child tasks (a loop inside it): it does not compete meanwhile. */
  block(task: Task): void {
    task.state = 'blocked';
    this.dispatch();
  }

  unblock(task: Task): void {
    task.state = 'running';
  }

  /**
   * Waits for the turn to run an action starting at `time`; returns undefined when granted at once.
   * The wait is a Pending (no microtask hop per action of a concurrent loop).
   */
  acquire(task: Task, time: number): Pending<void> | undefined {
    task.time = time;
    if (this.tasks.length === 1 || (!this.holder && this.next() === task)) {
      task.state = 'holding';
      this.holder = task;
      return undefined;
    }
    task.state = 'waiting';
    const turn = new Pending<void>();
    task.turn = turn;
    this.dispatch();
    return turn;
  }

  release(task: Task, endTime: number): void {
    task.time = endTime;
    task.step++;
    task.state = 'running';
    if (this.holder === task) this.holder = undefined;
    if (this.tasks.length > 1) this.dispatch();
  }

  private dispatch(): void {
    if (this.holder) return;
    const next = this.next();
    if (next?.state !== 'waiting') return; // the earliest task is still on its way to the gate
    next.state = 'holding';
    this.holder = next;
    const turn = next.turn;
    next.turn = undefined;
    turn?.resolve();
  }

  /** The contender that should run next, among tasks not blocked on children. */
  private next(): Task | undefined {
    let best: Task | undefined;
    const tasks = this.tasks;
    for (let i = 0; i < tasks.length; i++) {
      const task = tasks[i] as Task;
      if (task.state !== 'running' && task.state !== 'waiting') continue;
      if (!best || before(task, best)) best = task;
    }
    return best;
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
