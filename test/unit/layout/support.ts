/** `count` explicit IMAGE layers spread over the canvas, with repeated layer indices. */
export function manyLayers(count: number): object[] {
  return Array.from({ length: count }, (_, i) => ({
    layer_type: 'IMAGE', position: { dx: (i * 37) % 1900, dy: (i * 11) % 1000, layer_index: 1 + (i % 7) }, size: { width: 10 + (i % 50), height: 10 },
  }));
}

/** A video script of the given shots (each a shoot_script body), pretty-printed. */
export function videoScript(shots: object[], top: object = {}): string {
  return JSON.stringify({ script_name: 't', ...top, shoot_scripts: shots.map((shot, i) => ({ sequence_no: i, shoot_script: shot })) }, null, 2);
}
