import assert from 'node:assert/strict';
import { assetDetailRows, assetSummary, failureText } from '../../../src/core/assets/describe';
import { languageName, voiceLanguages } from '../../../src/core/assets/filters';
import { MetaStudioApiError } from '../../../src/core/cloud/errors';
import { asset, voice } from './support';

describe('assets/describe', () => {
  it('gives name, ID, type, state, tags, voice details and times as plain rows, names untouched', () => {
    const name = '**bold** <img src=x onerror=alert(1)> [x](command:evil)';
    const rows = assetDetailRows(voice('v1', false, { asset_name: name, tags: ['a', 'b'], create_time: '2024-03-01T00:00:00Z', update_time: '2024-03-02T00:00:00Z' }));
    assert.deepEqual(rows.map((r) => r.label), ['Name', 'ID', 'Type', 'State', 'Tags', 'Language', 'Sex', 'Real-time', 'Capabilities', 'Created', 'Updated']);
    assert.equal(rows[0].value, name);
    assert.equal(rows.find((r) => r.label === 'Capabilities')?.value, 'break time');
    assert.equal(rows.find((r) => r.label === 'Real-time')?.value, 'no (video production only)');
    assert.equal(rows.find((r) => r.label === 'Type')?.value, 'voice (VOICE_MODEL)');
  });

  it('summarises a voice, and an asset that is not ACTIVED by its state in words', () => {
    assert.equal(assetSummary(voice('v', true)), 'English · female · real-time');
    assert.equal(assetSummary(voice('v', false)), 'English · female · not real-time');
    assert.equal(assetSummary(asset('i', 'IMAGE', { asset_state: 'UNACTIVED' })), 'inactive');
    assert.equal(assetSummary(asset('i', 'IMAGE', { asset_state: 'CREATING' })), 'being created');
    assert.equal(assetSummary(asset('i', 'IMAGE', { asset_state: 'FAILED', fail_type: 'MANUAL_REVIEW_REJECT' })), 'failed review');
    assert.equal(assetSummary(asset('i', 'IMAGE', { asset_state: 'FAILED' })), 'failed to upload');
    assert.equal(assetSummary(asset('i', 'IMAGE', { asset_state: 'WAITING_DELETE' })), 'about to be withdrawn');
    assert.equal(assetSummary(asset('i', 'IMAGE', { asset_state: 'NEW_STATE' })), 'NEW_STATE', 'an unknown state as its code');
    assert.equal(assetSummary(asset('i', 'IMAGE')), '');
  });

  it('names voice languages in words, one function for every reader', () => {
    assert.deepEqual(['CN', 'EN', 'cn', 'Kr', 'YY', 'SCH', 'Thai', 'XX'].map(languageName),
      ['Chinese (Mandarin)', 'English', 'Chinese (Mandarin)', 'Korean', 'Cantonese', 'Chinese (Sichuan)', 'Thai', 'XX']);
    assert.ok(voiceLanguages.filter((code) => code.length <= 3).every((code) => languageName(code) !== code), 'every abbreviated language of the reference has a name');
    assert.equal(new Set(voiceLanguages.map(languageName)).size, voiceLanguages.length);
  });

  it('gives the state in words with its code in the details', () => {
    const rows = assetDetailRows(asset('i', 'IMAGE', { asset_state: 'BLOCK' }));
    assert.equal(rows.find((r) => r.label === 'State')?.value, 'blocked (BLOCK)');
  });

  it('puts code and message of a failure in one short line', () => {
    assert.equal(failureText(new MetaStudioApiError('GET /x', 500, 'MSS.00000004', 'Internal Error', 'r1')), 'MSS.00000004 Internal Error');
    assert.equal(failureText(new MetaStudioApiError('GET /x', 502, undefined, undefined, undefined)), 'HTTP 502');
    assert.equal(failureText(new Error('Cannot reach')), 'Cannot reach');
  });
});
