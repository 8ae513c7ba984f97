import type { TriggerFiring } from './trigger-type.js';

/**
 * A trigger already fired (and debatched by `splitOn`) before its run starts: the run takes this
 * firing as its trigger's outputs instead of firing the trigger type on a payload again, or fails
 * its trigger with the error the firing or the split gave (runner.ts `fireTrigger`).
 */
export class PreparedTrigger {
  private constructor(
    private readonly firing: TriggerFiring | undefined,
    private readonly failure: unknown,
  ) {}

  static fired(firing: TriggerFiring): PreparedTrigger {
    return new PreparedTrigger(firing, undefined);
  }

  static failed(error: unknown): PreparedTrigger {
    return new PreparedTrigger(undefined, error);
  }

  /** The firing, or the error the trigger failed with. */
  fire(): TriggerFiring {
    if (this.firing === undefined) throw this.failure;
    return this.firing;
  }
}
