import assert from 'node:assert/strict';
import { batchPercent, describeProgress, formatBytes } from '../../../src/core/upload/progress';

describe('upload/progress', () => {
  it('writes sizes in B, KB, MB and GB', () => {
    assert.deepEqual([512, 1536, 20 * 1024 * 1024, 1.2 * 1024 ** 3].map(formatBytes), ['512 B', '1.5 KB', '20.0 MB', '1.20 GB']);
  });

  it('counts a batch\'s percent from the files done and the bytes sent of this one', () => {
    const total = 1000;
    assert.equal(batchPercent(0, { phase: 'hashing', bytes: 300, totalBytes: 300 }, total), 0, 'reading sends nothing');
    assert.equal(batchPercent(400, { phase: 'uploading', bytes: 300, totalBytes: 600 }, total), 70);
    assert.equal(batchPercent(400, { phase: 'waiting', bytes: 600, totalBytes: 600 }, total), 100);
  });

  it('says what happens to the file, with bytes and percent while sending', () => {
    assert.equal(describeProgress('beach.png', { phase: 'uploading', bytes: 1024 * 1024, totalBytes: 4 * 1024 * 1024 }, 25), 'beach.png: 1.0 MB of 4.0 MB sent (25%)');
    assert.equal(describeProgress('beach.png', { phase: 'creating', bytes: 0, totalBytes: 10 }, 0), 'beach.png: creating the asset');
  });
});
