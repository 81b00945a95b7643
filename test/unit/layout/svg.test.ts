import * as assert from 'node:assert/strict';
import { XMLParser } from 'fast-xml-parser';
import { encodeBase64Text, layoutOf } from '../../../src/core/layout/model';
import { frameSvg } from '../../../src/core/layout/svg';
import { manyLayers, videoScript } from './support';

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Every element of an SVG text in document order, as [name, attributes]. */
function elementsOf(svg: string): [string, Record<string, string>][] {
  const parsed = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg) as XmlNode[];
  const found: [string, Record<string, string>][] = [];
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@')!;
      if (name === '#text' || name === '?xml') continue;
      found.push([name, node[':@'] ?? {}]);
      walk(node[name] as XmlNode[]);
    }
  };
  walk(parsed);
  return found;
}

const dataOf = (svg: string) => elementsOf(svg).filter(([, a]) => 'data-layer' in a).map(([, a]) => a);

describe('layout SVG contract', () => {
  const script = videoScript([
    { text_config: { text: 'one' } },
    {
      background_config: [{ background_type: 'IMAGE', background_config: 'https://x/bg.jpg', background_image_config: { dx: -5, dy: 0, width: 1930, height: 1080 } }],
      layer_config: [
        { layer_type: 'TEXT', position: { dx: 80, dy: 60, layer_index: 3 }, text_config: { text_context: encodeBase64Text('<Hi & bye>'), font_size: 40, font_color: '#FF0000' } },
        { layer_type: 'HUMAN', position: { dx: 660, dy: 120, layer_index: 1 }, size: { width: 600, height: 960 } },
        { layer_type: 'IMAGE', position: { dx: 10, dy: 20, layer_index: 2 }, size: { width: 300, height: 100 }, rotation: { angle: 30 } },
      ],
    },
  ], { video_config: { is_subtitle_enable: true, subtitle_config: { dx: 192, dy: 1040, h: 60 } } });
  const layout = layoutOf(script, 'video');

  it('has the canvas as viewBox and one data-layer element per background, layer and subtitle box, bottom first', () => {
    const svg = frameSvg(layout, layout.frames[1], { guides: true });
    const [root] = elementsOf(svg);
    assert.equal(root[0], 'svg');
    assert.equal(root[1].viewBox, '0 0 1920 1080');
    assert.deepEqual(dataOf(svg), [
      { 'data-layer': 'background', 'data-x': '-5', 'data-y': '0', 'data-w': '1930', 'data-h': '1080', class: 'background image' },
      { 'data-layer': '/shoot_scripts/1/shoot_script/layer_config/1', 'data-layer-type': 'HUMAN', 'data-x': '660', 'data-y': '120', 'data-w': '600', 'data-h': '960', 'data-rotation': '0', class: 'layer human' },
      { 'data-layer': '/shoot_scripts/1/shoot_script/layer_config/2', 'data-layer-type': 'IMAGE', 'data-x': '10', 'data-y': '20', 'data-w': '300', 'data-h': '100', 'data-rotation': '30', class: 'layer image', transform: 'rotate(30 160 70)' },
      { 'data-layer': '/shoot_scripts/1/shoot_script/layer_config/0', 'data-layer-type': 'TEXT', 'data-x': '80', 'data-y': '60', 'data-w': '240', 'data-h': '50', 'data-rotation': '0', class: 'layer text assumed' },
      { 'data-layer': 'subtitle', 'data-x': '192', 'data-y': '980', 'data-w': '1536', 'data-h': '60', class: 'subtitle' },
    ]);
  });

  it('gives the whole canvas to a background without placement and draws no subtitle box when subtitles are off', () => {
    const plain = layoutOf(videoScript([{}]), 'video');
    assert.deepEqual(dataOf(frameSvg(plain, plain.frames[0])), [
      { 'data-layer': 'background', 'data-x': '0', 'data-y': '0', 'data-w': '1920', 'data-h': '1080', class: 'background none assumed' },
    ]);
  });

  it('writes the decoded text of a text layer, escaped, in its size and colour', () => {
    const svg = frameSvg(layout, layout.frames[1]);
    assert.match(svg, /<text class="text-content" font-size="40" fill="#FF0000" x="80" y="60"><tspan x="80" dy="40">&#60;Hi &#38; bye&#62;<\/tspan><\/text>/);
  });

  it('labels assumptions and placeholders, and draws images only through the href it is given', () => {
    const offline = frameSvg(layout, layout.frames[1]);
    assert.match(offline, /default placement/);
    assert.match(offline, />Background: bg\.jpg</);
    assert.doesNotMatch(offline, /<image/);
    const online = frameSvg(layout, layout.frames[1], { image: ({ url }) => (url ? 'data:image/png;base64,AA==' : undefined) });
    assert.match(online, /<image href="data:image\/png;base64,AA==" x="-5" y="0" width="1930" height="1080"/);
  });

  it('is a stand-alone XML file with its own style sheet for the CLI', () => {
    const svg = frameSvg(layout, layout.frames[0], { standalone: true });
    assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /<style>/);
    assert.doesNotMatch(frameSvg(layout, layout.frames[0]), /<style>/);
  });

  it('draws each of 20,000 layers of one shot as one element', () => {
    const big = layoutOf(videoScript([{ layer_config: manyLayers(20_000) }]), 'video');
    assert.equal(dataOf(frameSvg(big, big.frames[0])).length, 20_001);
  });

  it('draws the avatar as its cover when the caller has one, else as a silhouette; the script\'s avatar stands in for a HUMAN layer without asset_id', () => {
    const avatarScript = layoutOf(videoScript([
      { layer_config: [{ layer_type: 'HUMAN', position: { dx: 0, dy: 0, layer_index: 1 }, size: { width: 600, height: 900 } }] },
      { layer_config: [{ layer_type: 'HUMAN', asset_id: 'own', position: { dx: 0, dy: 0, layer_index: 1 }, size: { width: 600, height: 900 } }] },
      {},
    ], { model_asset_id: 'avatar' }), 'video');
    const asked: string[] = [];
    const image = (source: { url?: string; assetId?: string }) => {
      asked.push(source.assetId ?? '');
      return source.assetId === 'avatar' ? 'data:image/png;base64,AAAA' : undefined;
    };
    const [first, second, third] = avatarScript.frames.map((frame) => elementsOf(frameSvg(avatarScript, frame, { image })));
    assert.deepEqual(asked, ['avatar', 'own', 'avatar']);
    assert.ok(first.some(([name, a]) => name === 'image' && a.href === 'data:image/png;base64,AAAA' && a.preserveAspectRatio === 'xMidYMax meet'));
    assert.ok(!first.some(([, a]) => a.class === 'silhouette'));
    assert.ok(second.some(([, a]) => a.class === 'silhouette') && !second.some(([name]) => name === 'image'), 'no cover: a silhouette');
    assert.ok(third.some(([name]) => name === 'image'), 'the default avatar of a shot without a HUMAN layer shows the cover too');
    const offline = elementsOf(frameSvg(avatarScript, avatarScript.frames[0]));
    assert.ok(offline.some(([, a]) => a.class === 'silhouette') && !offline.some(([name]) => name === 'image'));
  });
});
