import * as assert from 'node:assert/strict';
import { LineIndex, mergeSorted, sortDiagnostics, type CoreDiagnostic } from '../../../src/core/diagnostics';

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

  it('merges two sorted lists into the order of sorting both together, hints last among equals', () => {
    const severities = ['error', 'warning', 'info', 'hint'] as const;
    let seed = 11;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const list = () => sortDiagnostics(Array.from({ length: random(30) }, (): CoreDiagnostic => {
      const start = random(20);
      return { code: `c${random(3)}`, severity: severities[random(4)], message: '', start, end: start + random(3) };
    }));
    const key = (d: CoreDiagnostic) => `${d.start}-${d.end} ${d.severity} ${d.code}`;
    for (let round = 0; round < 200; round++) {
      const [a, b] = [list(), list()];
      assert.deepEqual(mergeSorted(a, b).map(key), sortDiagnostics([...a, ...b]).map(key));
    }
  });
});
