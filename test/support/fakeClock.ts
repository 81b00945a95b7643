/** Time that only moves when a test moves it or someone sleeps; every sleep is recorded. */
import type { Clock } from '../../src/core/cloud/clock';

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public time = Date.now()) {}
  /** Bound, so that it can be handed on as a plain function (`now: clock.now`). */
  readonly now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.time += ms;
  }
}
