import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../src/core/layout/edits';
import { validateScript } from '../../../src/core/scripts/validate';
import { videoScript } from './support';

const layoutDiagnostics = (text: string, kind: 'video' | 'live' = 'video') => validateScript(text, kind).filter((d) => d.code.startsWith('layout/'));
const image = (dx: number, dy: number, index: number, w = 200, h = 100, extra: object = {}) =>
  ({ layer_type: 'IMAGE', position: { dx, dy, layer_index: index }, size: { width: w, height: h }, ...extra });

function fixed(text: string, code: string): string {
  const found = layoutDiagnostics(text).find((d) => d.code === code);
  assert.ok(found?.fixes?.[0], `a fix for ${code}`);
  return applyTextEdits(text, found.fixes[0].edits);
}

describe('layout checks', () => {
  it('tells a layer wholly outside the canvas (error) from one partly outside (warning), and moves it in', () => {
    const text = videoScript([{ layer_config: [image(1800, 40, 1), image(-300, 40, 2), image(500, 500, 3)] }]);
    assert.deepEqual(layoutDiagnostics(text).map((d) => [d.code, d.severity, text.slice(d.start, d.end)]), [
      ['layout/partly-outside-canvas', 'warning', '"position"'],
      ['layout/outside-canvas', 'error', '"position"'],
    ]);
    const after = fixed(text, 'layout/partly-outside-canvas');
    assert.deepEqual(JSON.parse(after).shoot_scripts[0].shoot_script.layer_config[0].position, { dx: 1720, dy: 40, layer_index: 1 });
  });

  it('judges a rotated layer by the box it sweeps about its centre', () => {
    // 45°: a 200x200 box at x 10 reaches x 10 + 100 - 141 < 0.
    const turned = videoScript([{ layer_config: [image(10, 100, 1, 200, 200, { rotation: { angle: 45 } })] }]);
    assert.deepEqual(layoutDiagnostics(turned).map((d) => d.code), ['layout/partly-outside-canvas']);
    const upright = videoScript([{ layer_config: [image(10, 100, 1, 200, 200)] }]);
    assert.deepEqual(layoutDiagnostics(upright), []);
  });

  it('does not judge a layer whose size the layout assumed', () => {
    assert.deepEqual(layoutDiagnostics(videoScript([{ layer_config: [{ layer_type: 'HUMAN', position: { dx: 660, dy: 120, layer_index: 1 } }] }])), []);
  });

  it('finds repeated layer_index values and renumbers them in drawing order', () => {
    const text = videoScript([{ layer_config: [image(0, 0, 2), image(300, 0, 2), image(600, 0, 1)] }]);
    assert.deepEqual(layoutDiagnostics(text).map((d) => [d.code, text.slice(d.start, d.end)]), [['layout/duplicate-layer-index', '2'], ['layout/duplicate-layer-index', '2']]);
    const layers = JSON.parse(fixed(text, 'layout/duplicate-layer-index')).shoot_scripts[0].shoot_script.layer_config;
    assert.deepEqual(layers.map((l: { position: { layer_index: number } }) => l.position.layer_index), [2, 3, 1]);
  });

  it('warns on every layer of a group placed differently across shots, and applies one placement to all', () => {
    const text = videoScript([
      { layer_config: [image(40, 40, 1, 200, 100, { group_id: 'logo' })] },
      { layer_config: [image(60, 40, 1, 200, 100, { group_id: 'logo' })] },
      { layer_config: [image(60, 40, 1, 200, 100, { group_id: 'logo' })] },
    ]);
    assert.equal(layoutDiagnostics(text).filter((d) => d.code === 'layout/group-mismatch').length, 3);
    assert.deepEqual(layoutDiagnostics(fixed(text, 'layout/group-mismatch')), []);
    const same = videoScript([{ layer_config: [image(40, 40, 1, 200, 100, { group_id: 'logo' })] }, { layer_config: [image(40, 40, 1, 200, 100, { group_id: 'logo' })] }]);
    assert.deepEqual(layoutDiagnostics(same), []);
  });

  it('warns on a rotated VIDEO layer and sets its angle to 0', () => {
    const text = videoScript([{ layer_config: [{ ...image(0, 0, 1), layer_type: 'VIDEO', rotation: { angle: 30 } }] }]);
    assert.deepEqual(layoutDiagnostics(text).map((d) => [d.code, text.slice(d.start, d.end)]), [['layout/video-rotation', '30']]);
    assert.deepEqual(layoutDiagnostics(fixed(text, 'layout/video-rotation')), []);
  });

  it('warns when a layer above the avatar hides more than half of it, not when it is below or smaller', () => {
    const human = { layer_type: 'HUMAN', position: { dx: 0, dy: 0, layer_index: 2 }, size: { width: 400, height: 400 } };
    const above = videoScript([{ layer_config: [human, image(0, 0, 3, 400, 201)] }]);
    assert.deepEqual(layoutDiagnostics(above).map((d) => d.message), ['This layer is drawn above the avatar and hides 50% of its box.']);
    assert.deepEqual(layoutDiagnostics(videoScript([{ layer_config: [human, image(0, 0, 3, 400, 200)] }])), [], 'exactly half');
    assert.deepEqual(layoutDiagnostics(videoScript([{ layer_config: [human, image(0, 0, 1, 400, 400)] }])), [], 'below');
  });
});
