import assert from 'node:assert/strict';
import { isFromWebview } from '../../../src/preview/messages';

describe('preview/messages', () => {
  it('accepts the messages the player sends', () => {
    const settings = { voiceAssetId: 'v', speed: 100, pitch: 100, volume: 140 };
    for (const message of [
      { type: 'ready' },
      { type: 'synthesize', entryId: 'p1', settings },
      { type: 'select', entryId: 'p1' },
      { type: 'saveAs', entryId: 'p1' },
      { type: 'audio', entryId: 'p1', event: 'loaded', currentTime: 0, duration: 1.5 },
    ]) assert.ok(isFromWebview(message), JSON.stringify(message));
  });

  it('refuses anything else, however close', () => {
    for (const message of [
      null, 'ready', [], {}, { type: 'evil' },
      { type: 'synthesize', entryId: 'p1', settings: { voiceAssetId: 'v', speed: '100', pitch: 100, volume: 140 } },
      { type: 'synthesize', entryId: 'p1' },
      { type: 'synthesize', entryId: 'p1', settings: { voiceAssetId: 'v', speed: 300, pitch: 100, volume: 140 } },
      { type: 'synthesize', entryId: 'p1', settings: { voiceAssetId: 'v', speed: 100, pitch: 100, volume: 140.5 } },
      { type: 'saveAs', entryId: 3 },
      { type: 'audio', entryId: 'p1', event: 'exploded', currentTime: 0, duration: 1 },
      { type: 'audio', entryId: 'p1', event: 'loaded', currentTime: 0, duration: Number.NaN },
    ]) assert.equal(isFromWebview(message), false, JSON.stringify(message));
  });
});
