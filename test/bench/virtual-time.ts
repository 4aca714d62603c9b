// Simulated time for the bench: the workflow's waits are the real ones (a month and more, in seconds
// of the clock, as on AWS), but the clock jumps to the next timer as soon as nothing runs, so the
// no-answer path of months passes in seconds while every task sees a realistic clock (no time passes
// while a task runs, which a fast clock would eat into the waits).
import type { Clock } from '../../functions/adapters/clock.ts';
import type { WaitTimer } from '../../infra/local/workflow-runner.ts';

export class VirtualTime implements WaitTimer {
  private offset = 0;
  private pending: { at: number; wake: () => void }[] = [];
  /** Timers set (each at most 20 days: the runner splits longer waits). */
  timers = 0;

  readonly clock: Clock = {
    speed: 1,
    now: () => new Date(Date.now() + this.offset),
    realSecondsUntil: (at: Date) => Math.max(0, Math.ceil((at.getTime() - Date.now() - this.offset) / 1000)),
  };

  sleep(clockMs: number, signal: AbortSignal): Promise<void> {
    this.timers += 1;
    return new Promise((resolve) => {
      const onAbort = () => {
        this.pending = this.pending.filter((p) => p !== entry);
        resolve();
      };
      const entry = {
        at: this.clock.now().getTime() + clockMs,
        wake: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.pending.push(entry);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** When the earliest timer is due (clock ms), if any is set. */
  get nextTimer(): number | undefined {
    return this.pending.length ? Math.min(...this.pending.map((p) => p.at)) : undefined;
  }

  /** Moves the clock forward to `at` (never back) and wakes every timer due by then. */
  advanceTo(at: number): void {
    const now = this.clock.now().getTime();
    if (at > now) this.offset += at - now;
    const due = this.pending.filter((p) => p.at <= this.clock.now().getTime());
    this.pending = this.pending.filter((p) => !due.includes(p));
    for (const p of due) p.wake();
  }
}
