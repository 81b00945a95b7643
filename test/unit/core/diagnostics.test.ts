import * as assert from 'node:assert/strict';
import { LineIndex, sortDiagnostics, type CoreDiagnostic } from '../../../src/core/diagnostics';

describe('LineIndex', () => {
  it('maps offsets to 0-based UTF-16 positions across \\n, \\r\\n and \\r', () => {
    const index = new LineIndex('ab\ncd\r\nef\rgh');
    assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(index.positionAt(12), { line: 3, character: 2 });
  });

  it('counts characters outside the BMP as two, as VS Code does', () => {
    const index = new LineIndex('😀x');
    assert.deepEqual(index.positionAt(2), { line: 0, character: 2 });
  });
});

describe('sortDiagnostics', () => {
  it('orders by range, then severity, then code', () => {
    const d = (code: string, start: number, severity: CoreDiagnostic['severity']): CoreDiagnostic =>
      ({ code, start, end: start + 1, severity, message: code });
    const sorted = sortDiagnostics([d('b', 5, 'warning'), d('a', 5, 'warning'), d('c', 5, 'error'), d('z', 1, 'info')]);
    assert.deepEqual(sorted.map((x) => x.code), ['z', 'c', 'a', 'b']);
  });
});
