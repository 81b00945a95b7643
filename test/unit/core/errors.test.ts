import assert from 'node:assert/strict';
import { MetaStudioApiError, MetaStudioNetworkError } from '../../../src/core/cloud/errors';
import { CancelledError, errorMessage, ExpectedError, isCancellation, withErrorContext } from '../../../src/core/errors';
import { PushDeclinedError } from '../../../src/core/remote/push';

describe('core/errors', () => {
  describe('ExpectedError', () => {
    it('names its code and request id in its message, adding only what the message leaves out', () => {
      assert.equal(new ExpectedError('Upload refused', { code: 'MSS.1', requestId: 'r-1' }).message, 'Upload refused (code MSS.1, request id r-1)');
      assert.equal(new ExpectedError('MSS.1: upload refused', { code: 'MSS.1', requestId: 'r-1' }).message, 'MSS.1: upload refused (request id r-1)');
      assert.equal(new ExpectedError('Upload refused').message, 'Upload refused');
      const api = new MetaStudioApiError('POST /x', 400, 'MSS.20010005', 'Script name duplicate', 'req-9');
      assert.equal(api.message, 'MSS.20010005: Script name duplicate (HTTP 400, request id req-9)');
      assert.deepEqual([api.code, api.requestId], ['MSS.20010005', 'req-9']);
    });

    it('caps a code or request id it adds, as they come from servers', () => {
      const message = new ExpectedError('Refused', { code: 'C'.repeat(5000) }).message;
      assert.ok(message.length < 150, `${message.length} characters`);
    });

    it('keeps its cause', () => {
      const cause = new Error('EACCES');
      assert.equal(new ExpectedError('Cannot write', { cause }).cause, cause);
      assert.equal('cause' in new ExpectedError('Cannot write'), false);
    });
  });

  describe('errorMessage', () => {
    it('is the message of an error, an expected one with its code and request id', () => {
      assert.equal(errorMessage(new TypeError('x is undefined')), 'x is undefined');
      assert.equal(errorMessage(new MetaStudioApiError('GET /a', 401, 'APIGW.0301', 'Incorrect IAM authentication information', 'id-7')),
        'APIGW.0301: Incorrect IAM authentication information (HTTP 401, request id id-7)');
      assert.equal(errorMessage(new MetaStudioNetworkError('GET /a', 'UND_ERR_SOCKET', 'other side closed', true)),
        'Cannot reach MetaStudio (GET /a): other side closed (code UND_ERR_SOCKET)');
    });

    it('turns any thrown value into one line of text', () => {
      assert.equal(errorMessage('plain text'), 'plain text');
      assert.equal(errorMessage(42), '42');
      assert.equal(errorMessage(undefined), 'undefined');
      assert.equal(errorMessage(null), 'null');
      assert.equal(errorMessage(Object.create(null)), '[object Object]');
      assert.equal(errorMessage({ toString: () => { throw new Error('hostile'); } }), '[object Object]');
      assert.equal(errorMessage(new Error('')), 'Error');
      assert.equal(errorMessage(new Error('first line\n  second line\r\n\tthird')), 'first line second line third');
    });

    it('bounds a huge message', () => {
      const message = errorMessage(new Error('x'.repeat(1_000_000)));
      assert.equal(message.length, 1000);
      assert.ok(message.endsWith('…'));
    });
  });

  describe('isCancellation', () => {
    it('is true for a CancelledError (a declined push too) and an aborted signal\'s AbortError', async () => {
      const controller = new AbortController();
      controller.abort();
      const aborted = await fetch('http://127.0.0.1:9', { signal: controller.signal }).then(() => undefined, (err: unknown) => err);
      assert.ok(isCancellation(aborted), String(aborted));
      assert.ok(isCancellation(new CancelledError()));
      assert.ok(isCancellation(new PushDeclinedError('declined')));
      assert.ok(!isCancellation(new ExpectedError('refused')));
      assert.ok(!isCancellation(new Error('bug')));
      assert.ok(!isCancellation('AbortError'));
    });
  });

  describe('withErrorContext', () => {
    it('puts what failed before an expected error, keeping its code, request id and the error as cause', async () => {
      const api = new MetaStudioApiError('POST /scripts', 400, 'MSS.20010070', 'field verify fail', 'req-1');
      const err = await withErrorContext('Push of "a" failed', () => Promise.reject(api)).then(() => assert.fail('should throw'), (e: unknown) => e);
      assert.ok(err instanceof ExpectedError);
      assert.equal(err.message, 'Push of "a" failed: MSS.20010070: field verify fail (HTTP 400, request id req-1)');
      assert.deepEqual([err.code, err.requestId, err.cause], ['MSS.20010070', 'req-1', api]);
    });

    it('passes cancellations and bugs through unchanged, and results through', async () => {
      for (const thrown of [new CancelledError(), new PushDeclinedError('declined'), new TypeError('bug')]) {
        await assert.rejects(withErrorContext('Doing it', () => Promise.reject(thrown)), (e: unknown) => e === thrown);
      }
      assert.equal(await withErrorContext('Doing it', async () => 7), 7);
    });
  });
});
