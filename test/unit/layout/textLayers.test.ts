import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../src/core/layout/edits';
import { encodeBase64Text } from '../../../src/core/layout/model';
import { textContextEdit, textLayerAt } from '../../../src/core/layout/textLayers';
import { validateScript } from '../../../src/core/scripts/validate';
import { videoScript } from './support';

describe('text layers', () => {
  const text = videoScript([{ layer_config: [
    { layer_type: 'TEXT', position: { dx: 0, dy: 0, layer_index: 1 }, text_config: { text_context: encodeBase64Text('限时优惠\nToday only') } },
    { layer_type: 'TEXT', position: { dx: 0, dy: 0, layer_index: 2 }, text_config: { text_context: 'not base64!' } },
  ] }]);

  it('reads the decoded text of the text_context under the cursor', () => {
    const found = textLayerAt(text, 'video', text.indexOf(encodeBase64Text('限时优惠\nToday only')) + 3);
    assert.equal(found?.text, '限时优惠\nToday only');
    assert.equal(found?.layer.pointer, '/shoot_scripts/0/shoot_script/layer_config/0');
    assert.equal(textLayerAt(text, 'video', text.indexOf('layer_type')), undefined);
  });

  it('has no text for a text_context that is not Base64, whose error stays', () => {
    assert.equal(textLayerAt(text, 'video', text.indexOf('not base64') + 1)?.text, undefined);
    assert.ok(validateScript(text, 'video').some((d) => d.code === 'script/not-base64'));
  });

  it('writes plain text back Base64-encoded, replacing only the string', () => {
    const found = textLayerAt(text, 'video', text.indexOf('not base64') + 1)!;
    const after = applyTextEdits(text, [textContextEdit(found.at, '新品 "Aurora"')]);
    assert.equal(after, text.replace('"not base64!"', JSON.stringify(encodeBase64Text('新品 "Aurora"'))));
    assert.equal(textLayerAt(after, 'video', found.at.offset + 1)?.text, '新品 "Aurora"');
    assert.ok(!validateScript(after, 'video').some((d) => d.code === 'script/not-base64'));
  });
});
