/**
 * When people launch apps: a working-day curve (quiet nights, a morning peak, a lunch dip, an
 * afternoon peak) and a weekly one (weekends at a fraction of a weekday). Weights are relative.
 */
const HOUR_WEIGHTS = [
  0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.25, 0.6, 1.0, 1.3, 1.35, 1.2, 0.8, 1.1, 1.25, 1.2, 1.0, 0.7, 0.4, 0.25, 0.18, 0.12, 0.08, 0.06,
] as const;
const HOUR_TOTAL = HOUR_WEIGHTS.reduce((sum, w) => sum + w, 0);

/** Sunday = 0 … Saturday = 6, as Date.getUTCDay(). */
const DAY_FACTORS = [0.2, 1.0, 1.05, 1.05, 1.0, 0.85, 0.25] as const;

/** Expected events in UTC hour `hour` of a day whose weekday is `weekday`, for a weekday average of `perWeekday`. */
export function expectedEventsInHour(perWeekday: number, weekday: number, hour: number): number {
  return (perWeekday * DAY_FACTORS[weekday]! * HOUR_WEIGHTS[hour]!) / HOUR_TOTAL;
}
