import * as assert from 'node:assert/strict';
import { applyTextEdits, groupPlacementEdits, placementEdits, restackEdits } from '../../../src/core/layout/edits';
import { layoutOf } from '../../../src/core/layout/model';
import { videoScript } from './support';

const pointer = (shot: number, layer: number) => `/shoot_scripts/${shot}/shoot_script/layer_config/${layer}`;

describe('layout edits', () => {
  const text = videoScript([{ layer_config: [
    { layer_type: 'HUMAN', position: { dx: 660, dy: 120, layer_index: 1 }, size: { width: 600, height: 960 } },
    { layer_type: 'IMAGE', position: { dx: 10, dy: 20, layer_index: 2 } },
  ] }]);

  it('replaces only the numbers that change, rounded to whole pixels', () => {
    const edits = placementEdits(text, pointer(0, 0), { x: 700.4, y: 120, w: 600, h: 959.6 });
    assert.deepEqual(edits.map((e) => [text.slice(e.start, e.end), e.newText]), [['660', '700']]);
  });

  it('keeps every other character', () => {
    const after = applyTextEdits(text, placementEdits(text, pointer(0, 0), { x: 700, h: 950 }));
    assert.equal(after, text.replace('"dx": 660', '"dx": 700').replace('"height": 960', '"height": 950'));
  });

  it('inserts a missing size in the file\'s own indentation', () => {
    const after = applyTextEdits(text, placementEdits(text, pointer(0, 1), { x: 15, w: 300, h: 200, rotation: -30 }));
    const layer = JSON.parse(after).shoot_scripts[0].shoot_script.layer_config[1];
    assert.deepEqual(layer, { layer_type: 'IMAGE', position: { dx: 15, dy: 20, layer_index: 2 }, size: { width: 300, height: 200 }, rotation: { angle: 330 } });
    assert.equal(after, JSON.stringify(JSON.parse(after), null, 2), 'formatted as the rest of the file');
  });

  it('does nothing for a pointer that names no layer', () => {
    assert.deepEqual(placementEdits(text, pointer(3, 0), { x: 1 }), []);
    assert.deepEqual(placementEdits('{', pointer(0, 0), { x: 1 }), []);
  });

  it('brings a layer forward and sends it back by rewriting layer_index values', () => {
    const three = videoScript([{ layer_config: [
      { layer_type: 'HUMAN', position: { dx: 0, dy: 0, layer_index: 1 } },
      { layer_type: 'IMAGE', position: { dx: 0, dy: 0, layer_index: 2 } },
      { layer_type: 'TEXT', position: { dx: 0, dy: 0, layer_index: 3 } },
    ] }]);
    const frame = layoutOf(three, 'video').frames[0];
    const forward = applyTextEdits(three, restackEdits(three, frame, pointer(0, 0), 'forward'));
    assert.deepEqual(layoutOf(forward, 'video').frames[0].layers.map((l) => l.type), ['IMAGE', 'HUMAN', 'TEXT']);
    assert.equal(restackEdits(three, frame, pointer(0, 2), 'forward').length, 0, 'already on top');
    const back = applyTextEdits(three, restackEdits(three, frame, pointer(0, 2), 'backward'));
    assert.deepEqual(layoutOf(back, 'video').frames[0].layers.map((l) => l.type), ['HUMAN', 'TEXT', 'IMAGE']);
  });

  it('gives every layer of a group the placement of one of them', () => {
    const grouped = videoScript([
      { layer_config: [{ layer_type: 'IMAGE', group_id: 'logo', position: { dx: 1, dy: 2, layer_index: 1 }, size: { width: 3, height: 4 } }] },
      { layer_config: [{ layer_type: 'IMAGE', group_id: 'logo', position: { dx: 9, dy: 2, layer_index: 1 }, size: { width: 3, height: 4 } }] },
      { layer_config: [{ layer_type: 'IMAGE', group_id: 'other', position: { dx: 9, dy: 9, layer_index: 1 } }] },
    ]);
    const layout = layoutOf(grouped, 'video');
    const after = JSON.parse(applyTextEdits(grouped, groupPlacementEdits(grouped, layout, layout.frames[0].layers[0])));
    assert.deepEqual(after.shoot_scripts[1].shoot_script.layer_config[0].position, { dx: 1, dy: 2, layer_index: 1 });
    assert.deepEqual(after.shoot_scripts[2].shoot_script.layer_config[0].position, { dx: 9, dy: 9, layer_index: 1 });
  });
});
