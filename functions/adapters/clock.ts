// The one clock every handler reads. On AWS it is system time. Locally it can run faster
// (OPTOUT_CLOCK_SPEED=86400: a day passes in a second) so that a month of follow-up plays out in a
// minute; deadlines, dates shown and Wait durations all come from this clock, so they stay consistent.
import { runtime } from '../runtime/scope.ts';

export interface Clock {
  now(): Date;
  /** How many simulated seconds pass per real second. */
  readonly speed: number;
  /** Real seconds to wait until the simulated instant `at` (0 if it has passed). */
  realSecondsUntil(at: Date): number;
}

export function scaledClock(speed: number, origin: { realMs: number; simMs: number }): Clock {
  if (!Number.isFinite(speed) || speed <= 0) throw new Error(`clock speed must be a positive number, got ${speed}`);
  return {
    speed,
    now: () => new Date(origin.simMs + (Date.now() - origin.realMs) * speed),
    realSecondsUntil(at) {
      const simMs = at.getTime() - this.now().getTime();
      return simMs <= 0 ? 0 : Math.ceil(simMs / 1000 / speed);
    },
  };
}

export const systemClock: Clock = scaledClock(1, { realMs: 0, simMs: 0 });

/** The clock of the runtime that is running (the local stack may run a scaled one, kept in its data folder). */
export function clock(): Clock {
  return runtime().clock;
}

/** The clock the settings ask for: system time, or OPTOUT_CLOCK_SPEED from `origin` (default: now). */
export function clockFor(speed: number, origin?: { realMs: number; simMs: number }): Clock {
  return speed === 1 ? systemClock : scaledClock(speed, origin ?? { realMs: Date.now(), simMs: Date.now() });
}

export const DAY_MS = 86_400_000;
