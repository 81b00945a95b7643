import assert from 'node:assert/strict';
import { capDiagnostics, DiagnosticCollector, maxPerCode } from '../../../src/core/lint/collector';

describe('DiagnosticCollector', () => {
  it('keeps the first 1,000 of a code by position, in whatever order they come, and counts the rest in one summary', () => {
    const collector = new DiagnosticCollector();
    let built = 0;
    const n = 50_000;
    // Innermost first, as a linter closing unclosed elements reports them: the reverse of the text.
    for (let i = n - 1; i >= 0; i--) {
      collector.add('ssml/unclosed-element', 'error', 10 * i, 10 * i + 3, () => {
        built++;
        return { message: `element ${i}` };
      });
    }
    const result = collector.result();
    const kept = result.filter((d) => d.code === 'ssml/unclosed-element');
    assert.equal(kept.length, maxPerCode);
    assert.deepEqual(kept.map((d) => d.start), Array.from({ length: maxPerCode }, (_, i) => 10 * i));
    assert.equal(kept[999].message, 'element 999');
    // Only what is kept is built: a dropped diagnostic costs no message and no fixes.
    assert.equal(built, maxPerCode);
    const [summary] = result.filter((d) => d.code === 'lint/more-problems');
    assert.deepEqual({ ...summary }, {
      code: 'lint/more-problems', severity: 'info', start: 10_000, end: 10_003,
      message: '49000 more ssml/unclosed-element problems (only the first 1000 of each code are listed)',
    });
    assert.equal(result.length, maxPerCode + 1);
  });

  it('caps each code on its own, keeps ties in the order offered, and sorts the result', () => {
    const collector = new DiagnosticCollector();
    for (let i = 0; i < 1500; i++) collector.add('ssml/stray-less-than', 'error', 7, 8, () => ({ message: `lt ${i}` }));
    for (let i = 0; i < 3; i++) collector.add('script/json-syntax', 'error', 100 - i, 101 - i, () => ({ message: `json ${i}` }));
    const result = collector.result();
    const lt = result.filter((d) => d.code === 'ssml/stray-less-than');
    assert.deepEqual(lt.map((d) => d.message), Array.from({ length: 1000 }, (_, i) => `lt ${i}`));
    assert.deepEqual(result.filter((d) => d.code === 'script/json-syntax').map((d) => d.start), [98, 99, 100]);
    assert.match(result.find((d) => d.code === 'lint/more-problems')!.message, /^500 more ssml\/stray-less-than problems/);
    assert.deepEqual(result.map((d) => d.start), [...result.map((d) => d.start)].sort((a, b) => a - b));
  });

  it('builds details and runs a shared transform for the kept diagnostics only', () => {
    const collector = new DiagnosticCollector();
    let built = 0;
    let transformed = 0;
    const transform = ({ message }: { message: string }) => {
      transformed++;
      return { message: `${message}!` };
    };
    for (let i = 5000; i > 0; i--) collector.add('ssml/stray-less-than', 'error', i, i + 1, () => ({ message: `lt ${built++}` }), transform);
    const kept = collector.result().filter((d) => d.code === 'ssml/stray-less-than');
    assert.equal(kept.length, 1000);
    assert.equal(built, 1000);
    assert.equal(transformed, 1000);
    assert.equal(kept[0].start, 1);
    assert.ok(kept.every((d) => d.message.endsWith('!')));
  });

  it('keeps fixes, and lists a file under the cap unchanged', () => {
    const fixes = [{ title: 't', edits: [{ start: 1, end: 2, newText: 'x' }] }];
    const diagnostics = [
      { code: 'a/b', severity: 'warning' as const, message: 'm', start: 1, end: 2, fixes },
      { code: 'a/c', severity: 'error' as const, message: 'n', start: 0, end: 1 },
    ];
    assert.deepEqual(capDiagnostics(diagnostics), [diagnostics[1], diagnostics[0]]);
    assert.deepEqual(capDiagnostics(capDiagnostics(diagnostics)), [diagnostics[1], diagnostics[0]]);
  });
});
