import * as assert from 'node:assert/strict';

/** `count` explicit IMAGE layers spread over the canvas, with repeated layer indices. */
export function manyLayers(count: number): object[] {
  return Array.from({ length: count }, (_, i) => ({
    layer_type: 'IMAGE', position: { dx: (i * 37) % 1900, dy: (i * 11) % 1000, layer_index: 1 + (i % 7) }, size: { width: 10 + (i % 50), height: 10 },
  }));
}

function fastest(run: () => unknown, times = 3): number {
  run();
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/**
 * Times `prepare(n)`'s work (after a warm-up, the fastest of three) at 2,000 and at 20,000 items:
 * linear work grows about 10 times, quadratic work 100 times. On a loaded machine one small run may
 * be lucky and the large one unlucky, so up to three rounds are tried; a square fails them all.
 */
export function assertLinear(prepare: (count: number) => () => unknown): void {
  const small = prepare(2_000);
  const large = prepare(20_000);
  const rounds: string[] = [];
  for (let round = 0; round < 3; round++) {
    const [a, b] = [fastest(small), fastest(large)];
    if (b < Math.max(a, 1) * 40) return;
    rounds.push(`2,000 items: ${a.toFixed(1)} ms; 20,000 items: ${b.toFixed(1)} ms`);
  }
  assert.fail(rounds.join('\n'));
}

/** A video script of the given shots (each a shoot_script body), pretty-printed. */
export function videoScript(shots: object[], top: object = {}): string {
  return JSON.stringify({ script_name: 't', ...top, shoot_scripts: shots.map((shot, i) => ({ sequence_no: i, shoot_script: shot })) }, null, 2);
}
