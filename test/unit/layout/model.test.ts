import * as assert from 'node:assert/strict';
import { videoScript } from './support';
import { canvases, decodeBase64Text, encodeBase64Text, frameAt, layoutOf, plainText, SUBTITLE_WIDTH_SHARE } from '../../../src/core/layout/model';


const layer = (type: string, dx: number, dy: number, index: number, size?: [number, number], extra: object = {}) =>
  ({ layer_type: type, position: { dx, dy, layer_index: index }, ...(size ? { size: { width: size[0], height: size[1] } } : {}), ...extra });

describe('layout model', () => {
  it('draws on 1920x1080 for video scripts and 1080x1920 for live rooms unless view_mode says otherwise', () => {
    assert.deepEqual(layoutOf(videoScript([{}]), 'video').canvas, canvases.LANDSCAPE);
    assert.deepEqual(layoutOf('{"room_name":"r","scene_scripts":[{}]}', 'live').canvas, canvases.VERTICAL);
    assert.deepEqual(layoutOf(videoScript([{}], { view_mode: 'VERTICAL' }), 'video').canvas, { viewMode: 'VERTICAL', width: 1080, height: 1920 });
    assert.deepEqual(layoutOf('{"view_mode":"LANDSCAPE","scene_scripts":[{}]}', 'live').canvas, { viewMode: 'LANDSCAPE', width: 1920, height: 1080 });
    assert.deepEqual(layoutOf(videoScript([{}], { view_mode: 42 }), 'video').canvas, canvases.LANDSCAPE);
  });

  it('places a layer by its top-left dx/dy and size, with its JSON pointer', () => {
    const layout = layoutOf(videoScript([{}, { layer_config: [layer('IMAGE', 100, 50, 2, [300, 200])] }]), 'video');
    const [box] = layout.frames[1].layers;
    assert.deepEqual({ x: box.x, y: box.y, w: box.w, h: box.h, rotation: box.rotation }, { x: 100, y: 50, w: 300, h: 200, rotation: 0 });
    assert.equal(box.pointer, '/shoot_scripts/1/shoot_script/layer_config/0');
    assert.deepEqual(box.assumed, []);
    assert.equal(box.explicit, true);
  });

  it('stacks layers by layer_index from 1 at the bottom, ties in list order', () => {
    const layout = layoutOf(videoScript([{ layer_config: [
      layer('TEXT', 0, 0, 3), layer('HUMAN', 0, 0, 1, [10, 10]), layer('IMAGE', 0, 0, 2, [10, 10]), layer('VIDEO', 0, 0, 2, [10, 10]),
    ] }]), 'video');
    assert.deepEqual(layout.frames[0].layers.map((l) => l.type), ['HUMAN', 'IMAGE', 'VIDEO', 'TEXT']);
  });

  it('turns a layer about its centre by rotation.angle, except a VIDEO layer', () => {
    const layout = layoutOf(videoScript([{ layer_config: [
      layer('IMAGE', 0, 0, 1, [10, 10], { rotation: { angle: 90 } }), layer('VIDEO', 0, 0, 2, [10, 10], { rotation: { angle: 45 } }),
    ] }]), 'video');
    assert.deepEqual(layout.frames[0].layers.map((l) => l.rotation), [90, 0]);
  });

  it('marks what a partial layer leaves out and assumes a placement for it', () => {
    const layout = layoutOf(videoScript([{ layer_config: [
      { layer_type: 'HUMAN' },
      { layer_type: 'IMAGE', position: { dx: 10, dy: 20, layer_index: 5 } },
      { layer_type: 'TEXT', position: { dx: 1, dy: 2, layer_index: 6 }, text_config: { text_context: encodeBase64Text('测试ab'), font_size: 40 } },
    ] }]), 'video');
    const [human, image, text] = layout.frames[0].layers;
    assert.deepEqual(human.assumed, ['position', 'size', 'layer-index']);
    assert.deepEqual([human.x, human.y, human.w, human.h, human.layerIndex], [0, 0, 1920, 1080, 1]);
    assert.deepEqual(image.assumed, ['size']);
    assert.deepEqual([image.x, image.y, image.w, image.h], [10, 20, 480, 270]);
    // Two wide characters (1 em) and two narrow ones (0.6 em) at 40 px; one line of 1.25 em.
    assert.deepEqual([text.w, text.h], [128, 50]);
    assert.equal(text.text?.text, '测试ab');
    assert.equal(human.explicit, false);
  });

  it('places the subtitle box by its lower-left corner, 80% of the canvas wide whatever w says', () => {
    const top = { video_config: { is_subtitle_enable: true, subtitle_config: { dx: 100, dy: 1000, w: 50, h: 80 } } };
    const { subtitle } = layoutOf(videoScript([{}], top), 'video').frames[0];
    assert.deepEqual(subtitle, { x: 100, y: 920, w: 1920 * SUBTITLE_WIDTH_SHARE, h: 80, assumed: [] });
    const vertical = layoutOf(videoScript([{}], { ...top, view_mode: 'VERTICAL' }), 'video').frames[0].subtitle;
    assert.equal(vertical?.w, 864);
  });

  it('shows the subtitle box only when subtitles are on, and assumes what is missing', () => {
    assert.equal(layoutOf(videoScript([{}], { video_config: { subtitle_config: { dx: 1, dy: 2 } } }), 'video').frames[0].subtitle, undefined);
    const { subtitle } = layoutOf(videoScript([{}], { video_config: { is_subtitle_enable: true } }), 'video').frames[0];
    assert.deepEqual(subtitle, { x: 192, y: 1026 - 72, w: 1536, h: 72, assumed: ['dx', 'dy', 'h'] });
  });

  it('places an image background by background_image_config, else over the whole canvas', () => {
    const placed = layoutOf(videoScript([{ background_config: [{ background_type: 'IMAGE', background_config: 'https://x/y.jpg',
      background_image_config: { dx: -10, dy: -20, width: 2000, height: 1200 } }] }]), 'video').frames[0].background;
    assert.deepEqual([placed.kind, placed.x, placed.y, placed.w, placed.h, placed.assumed, placed.url], ['IMAGE', -10, -20, 2000, 1200, false, 'https://x/y.jpg']);
    const color = layoutOf(videoScript([{ background_config: [{ background_type: 'COLOR', background_color_config: '#112233' }] }]), 'video').frames[0].background;
    assert.deepEqual([color.kind, color.color, color.w, color.h], ['COLOR', '#112233', 1920, 1080]);
    const none = layoutOf(videoScript([{}]), 'video').frames[0].background;
    assert.deepEqual([none.kind, none.assumed, none.w], ['NONE', true, 1920]);
  });

  it('reads a live room scene by scene, pointers under /scene_scripts', () => {
    const text = JSON.stringify({ room_name: 'r', scene_scripts: [
      { model_asset_id: 'm', shoot_scripts: [{ text_config: { text: '<speak>Hi <break time="1s"/>there</speak>' } }] },
      { layer_config: [layer('IMAGE', 1, 2, 1, [3, 4])] },
    ] });
    const layout = layoutOf(text, 'live');
    assert.equal(layout.frameNoun, 'scene');
    assert.equal(layout.frames[1].layers[0].pointer, '/scene_scripts/1/layer_config/0');
    assert.equal(layout.frames[0].text, 'Hi there');
    assert.deepEqual(layout.frames[0].defaultAvatar, { x: 0, y: 0, w: 1080, h: 1920 });
    assert.equal(layout.frames[1].defaultAvatar, undefined);
  });

  it('never throws on malformed or partial scripts', () => {
    for (const text of ['', '{', '[]', 'null', '{"shoot_scripts": 3}', '{"shoot_scripts": [null, 1, {"shoot_script": []}]}',
      '{"shoot_scripts": [{"shoot_script": {"layer_config": [1, {"position": "x", "size": [], "rotation": {"angle": "a"}}]}}]}']) {
      const layout = layoutOf(text, 'video');
      assert.ok(Array.isArray(layout.frames), text);
    }
    const [odd] = layoutOf('{"shoot_scripts": [{"shoot_script": {"layer_config": [{"layer_type": "SOUND", "position": {"dx": "1"}}]}}]}', 'video').frames[0].layers;
    assert.equal(odd.type, undefined);
    assert.deepEqual(odd.assumed, ['position', 'size', 'layer-index']);
  });

  it('finds the frame under an offset', () => {
    const text = videoScript([{ text_config: { text: 'a' } }, { text_config: { text: 'b' } }]);
    const layout = layoutOf(text, 'video');
    assert.equal(frameAt(layout, text.indexOf('"b"'))?.index, 1);
    assert.equal(frameAt(layout, text.indexOf('"a"'))?.index, 0);
    assert.equal(frameAt(layout, 0), undefined);
  });

  it('decodes Base64 text as UTF-8 and refuses anything else', () => {
    assert.equal(decodeBase64Text('5rWL6K+V5paH5a2X5rC05Y2w'), '测试文字水印');
    assert.equal(decodeBase64Text('not base64!'), undefined);
    assert.equal(decodeBase64Text('/w=='), undefined, 'not UTF-8');
    assert.equal(decodeBase64Text(encodeBase64Text('Hello, 世界')), 'Hello, 世界');
  });

  it('strips SSML from excerpts', () => {
    assert.equal(plainText('<speak>A &amp; B<break time="1s"/>  C</speak>'), 'A & B C');
  });
});
