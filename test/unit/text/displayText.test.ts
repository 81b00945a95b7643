import assert from 'node:assert/strict';
import { assetDetailRows, assetName, assetSummary, billingProvider, failureText } from '../../../src/core/assets/describe';
import { MetaStudioApiError } from '../../../src/core/cloud/errors';
import type { DigitalAssetInfo } from '../../../src/core/cloud/types';
import { errorMessage, ExpectedError } from '../../../src/core/errors';
import { jobDisplayName, jobErrorWithShot } from '../../../src/core/remote/jobOutcome';
import { displayText } from '../../../src/core/text/displayText';

const controls = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('displayText', () => {
  it('escapes every control character a terminal would act on: C0, ESC sequences, DEL, C1, bidi overrides', () => {
    const hostile = 'ok\u001b[2J\u001b]0;pwned\u0007\r\u0000\u007f\u009b31m\u0085\u202etxt.exe\u2066\u2028end';
    assert.equal(displayText(hostile),
      'ok\\u001b[2J\\u001b]0;pwned\\u0007\\u000d\\u0000\\u007f\\u009b31m\\u0085\\u202etxt.exe\\u2066\\u2028end');
    assert.doesNotMatch(displayText(hostile), /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  it('keeps tab and line feed only where several lines are meant, and leaves other text alone', () => {
    assert.equal(displayText('a\tb\nc'), 'a\\u0009b\\u000ac');
    assert.equal(displayText('a\tb\nc\r\u001b', { multiline: true }), 'a\tb\nc\\u000d\\u001b');
    for (const text of ['中文 😀 é', 'C:\\path\\file', '"quoted" & <tags>', '']) assert.equal(displayText(text), text);
  });

  it('leaves a JSON document the same value', () => {
    const value = { name: 'x\u001b[31m\u009b\u007f\u202e' };
    const shown = displayText(JSON.stringify(value), { multiline: true });
    assert.deepEqual(JSON.parse(shown), value);
    assert.doesNotMatch(shown, /[\u007f-\u009f\u202e]/);
  });

  it('is how server text reaches every message, tree label and tooltip', () => {
    const hostile = 'x\u001b]8;;http://evil/\u0007click\u001b[2J\u009b\u202e\nforged line';
    const error = new MetaStudioApiError('GET /v1/p/jobs', 400, 'MSS.1\u001b[31m', hostile, 'req\u0007');
    const asset = { asset_id: 'id', asset_name: hostile, asset_type: 'VOICE_MODEL', asset_state: 'ACTIVED', reason: hostile, tags: [hostile],
      asset_extra_meta: { voice_model_meta: { language: hostile, external_voice_meta: { provider: hostile } } } } as unknown as DigitalAssetInfo;
    const job = { job_id: 'j', state: 'FAILED', output_asset_config: { asset_name: hostile }, error_info: { error_code: 'E\u001b', error_msg: `shot 2 ${hostile}` } };
    const shown = [error.message, failureText(error), assetName(asset), assetSummary(asset), ...assetDetailRows(asset).map((r) => r.value),
      billingProvider(asset)!, jobDisplayName(job), jobErrorWithShot(job)!, errorMessage(error), errorMessage(new Error(hostile)),
      errorMessage(new ExpectedError('Failed', { code: 'C\u001b[1m', requestId: 'r\u009b' }))];
    for (const text of shown) {
      assert.doesNotMatch(text, controls, text);
      assert.ok(!text.includes('\n'), text);
    }
    assert.match(assetName(asset), /^x\\u001b\]8;;http:\/\/evil\/\\u0007click/);
  });
});
