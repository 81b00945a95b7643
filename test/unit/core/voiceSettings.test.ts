import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isVoiceSettingValue, VOICE_SETTINGS } from '../../../src/core/voiceSettings';

describe('core/voiceSettings', () => {
  it('are the ranges and defaults the script schemas state for voice_config', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../../schemas/common.schema.json'), 'utf8'));
    const properties = schema.definitions.voiceConfig.properties as Record<string, { type: string; minimum?: number; maximum?: number; default?: number }>;
    const numeric = Object.entries(properties).filter(([, p]) => p.type === 'integer' || p.type === 'number');
    assert.deepEqual(
      Object.fromEntries(numeric.map(([name, p]) => [name, { min: p.minimum, max: p.maximum, default: p.default }])),
      VOICE_SETTINGS,
    );
  });

  it('takes integers within a range, ends included', () => {
    assert.ok(isVoiceSettingValue('speed', 50));
    assert.ok(isVoiceSettingValue('speed', 200));
    assert.ok(isVoiceSettingValue('volume', 240));
    assert.ok(!isVoiceSettingValue('speed', 49));
    assert.ok(!isVoiceSettingValue('pitch', 201));
    assert.ok(!isVoiceSettingValue('volume', 89));
    assert.ok(!isVoiceSettingValue('volume', 100.5));
    assert.ok(!isVoiceSettingValue('speed', Number.NaN));
  });
});
