import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectionKey, emptyLinks, getLink, linkPath, LinksFileError, moveLinks, parseLinks, putLinks, serializeLinks, setLink, takeLinks, type Link,
} from '../../../src/core/links/links';
import { findLinksRoot, LINKS_FILE, LinkStore } from '../../../src/core/links/linkStore';

const SANDBOX = connectionKey('http://127.0.0.1:8080', 'p1');
const CLOUD = connectionKey('https://metastudio.cn-north-4.myhuaweicloud.com', 'p1');
const link = (id: string, kind: Link['kind'] = 'video-script'): Link => ({ kind, id, pushedSha256: 'ab'.repeat(32), pushedAt: '2026-01-01T00:00:00.000Z' });

describe('links model (docs/decisions/links.md)', () => {
  it('keys by endpoint origin and project, so a sandbox ID never serves the cloud', () => {
    assert.equal(SANDBOX, 'http://127.0.0.1:8080|p1');
    assert.equal(connectionKey('https://metastudio.cn-north-4.myhuaweicloud.com/', 'p1'), CLOUD);
    assert.notEqual(connectionKey('http://127.0.0.1:8080', 'p2'), SANDBOX);
    const doc = setLink(emptyLinks(), SANDBOX, 'a.video.json', link('sandbox-id'));
    assert.equal(getLink(doc, SANDBOX, 'a.video.json')?.id, 'sandbox-id');
    assert.equal(getLink(doc, CLOUD, 'a.video.json'), undefined);
  });

  it('uses POSIX paths relative to the root, nothing outside it', () => {
    assert.equal(linkPath('/w', '/w/scripts/intro.video.json'), 'scripts/intro.video.json');
    assert.equal(linkPath('/w', '/other/intro.video.json'), undefined);
    assert.equal(linkPath('/w', '/w'), undefined);
    assert.equal(linkPath('/w', '/w/..x/a.video.json'), '..x/a.video.json');
  });

  it('writes stable text and reads it back', () => {
    let doc = setLink(emptyLinks(), SANDBOX, 'b.video.json', link('2'));
    doc = setLink(doc, SANDBOX, 'a.live.json', link('1', 'live-room'));
    doc = setLink(doc, CLOUD, 'a.live.json', link('3', 'live-room'));
    const text = serializeLinks(doc);
    assert.deepEqual(parseLinks(text), doc);
    const parsed = JSON.parse(text);
    assert.equal(parsed.version, 1);
    assert.deepEqual(Object.keys(parsed.links), [SANDBOX, CLOUD].sort());
    assert.deepEqual(Object.keys(parsed.links[SANDBOX]), ['a.live.json', 'b.video.json']);
    assert.ok(text.endsWith('}\n'));
  });

  it('refuses a broken file and drops malformed entries', () => {
    assert.throws(() => parseLinks('{'), LinksFileError);
    assert.throws(() => parseLinks('{"version": 2, "links": {}}'), LinksFileError);
    const doc = parseLinks(JSON.stringify({ version: 1, links: { [SANDBOX]: { 'ok.video.json': link('1'), 'bad.video.json': { kind: 'x', id: 1 } }, other: [] } }));
    assert.deepEqual([...doc.links.get(SANDBOX)!.keys()], ['ok.video.json']);
  });

  describe('keys that reach every object', () => {
    const UNSAFE = ['__proto__', 'constructor', 'prototype'];
    const entry = { kind: 'video-script', id: 'x', pushedSha256: 'ab'.repeat(32), pushedAt: '2026-01-01T00:00:00.000Z' };
    /** The links file with `key` at each level; JSON text, since an object literal would not keep a "__proto__" key. */
    const files = (key: string): [string, string][] => {
      const k = JSON.stringify(key);
      const e = JSON.stringify(entry);
      const c = JSON.stringify(SANDBOX);
      return [
        [`{"version": 1, "links": {}, ${k}: {"polluted": ${e}}}`, 'the top level'],
        [`{"version": 1, "links": {${k}: {"polluted": ${e}}}}`, '"links"'],
        [`{"version": 1, "links": {${c}: {${k}: ${e}}}}`, `"links" › ${c}`],
        [`{"version": 1, "links": {${c}: {"a.video.json": {${e.slice(1, -1)}, ${k}: {"polluted": true}}}}}`, `"links" › ${c} › "a.video.json"`],
      ];
    };
    const shared = () => [Object.prototype, Object, Function.prototype].map((o) => Object.getOwnPropertyNames(o).sort().join());

    it('refuses __proto__, constructor and prototype at every level, saying where, and writes nothing onto shared objects', () => {
      const before = shared();
      for (const key of UNSAFE) {
        for (const [text, place] of files(key)) {
          assert.throws(() => parseLinks(text), (err: unknown) => {
            assert.ok(err instanceof LinksFileError, `${key} in ${place}: ${String(err)}`);
            assert.equal(err.message, `The key "${key}" in ${place} is refused: keys named __proto__, constructor or prototype are not allowed. Fix or delete the links file.`);
            return true;
          });
        }
      }
      assert.deepEqual(shared(), before);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });

    it('keeps other inherited names (toString, hasOwnProperty) as plain data', () => {
      const doc = parseLinks(JSON.stringify({ version: 1, links: { toString: { hasOwnProperty: entry, 'valueOf.video.json': entry } } }));
      assert.equal(getLink(doc, 'toString', 'hasOwnProperty')?.id, 'x');
      assert.equal(getLink(doc, 'valueOf', 'toString'), undefined);
      assert.equal(getLink(doc, SANDBOX, 'toString'), undefined);
      assert.deepEqual(parseLinks(serializeLinks(doc)), doc);
    });
  });

  it('moves the link of a renamed file and of every file in a moved folder, on every connection', () => {
    let doc = setLink(emptyLinks(), SANDBOX, 'old/a.video.json', link('1'));
    doc = setLink(doc, SANDBOX, 'old/sub/b.live.json', link('2', 'live-room'));
    doc = setLink(doc, SANDBOX, 'older/c.video.json', link('3'));
    doc = setLink(doc, CLOUD, 'old/a.video.json', link('4'));
    const renamed = moveLinks(doc, 'old/a.video.json', 'old/intro.video.json');
    assert.equal(getLink(renamed, SANDBOX, 'old/intro.video.json')?.id, '1');
    assert.equal(getLink(renamed, CLOUD, 'old/intro.video.json')?.id, '4');
    assert.equal(getLink(renamed, SANDBOX, 'old/a.video.json'), undefined);
    const moved = moveLinks(doc, 'old', 'new/place');
    assert.equal(getLink(moved, SANDBOX, 'new/place/a.video.json')?.id, '1');
    assert.equal(getLink(moved, SANDBOX, 'new/place/sub/b.live.json')?.id, '2');
    assert.equal(getLink(moved, SANDBOX, 'older/c.video.json')?.id, '3', 'a sibling sharing the prefix stays');
    assert.equal(moveLinks(doc, 'nothing', 'else'), doc);
  });

  it('takes the links of a folder out of one document and puts them into another (a move between roots)', () => {
    let source = setLink(emptyLinks(), SANDBOX, 'f/a.video.json', link('1'));
    source = setLink(source, CLOUD, 'f/sub/b.live.json', link('2', 'live-room'));
    source = setLink(source, SANDBOX, 'other.video.json', link('3'));
    const [rest, taken] = takeLinks(source, 'f');
    assert.deepEqual([...rest.links.get(SANDBOX)!.keys()], ['other.video.json']);
    assert.deepEqual([...rest.links.get(CLOUD)!.keys()], []);
    const target = putLinks(setLink(emptyLinks(), SANDBOX, 'x.video.json', link('4')), 'moved', taken);
    assert.equal(getLink(target, SANDBOX, 'moved/a.video.json')?.id, '1');
    assert.equal(getLink(target, CLOUD, 'moved/sub/b.live.json')?.id, '2');
    assert.equal(getLink(target, SANDBOX, 'x.video.json')?.id, '4');
    assert.deepEqual(takeLinks(source, 'none'), [source, new Map()]);
  });

  it('lets a moved file replace the link of the file it was moved over', () => {
    let doc = setLink(emptyLinks(), SANDBOX, 'a.video.json', link('moved'));
    doc = setLink(doc, SANDBOX, 'b.video.json', link('replaced'));
    assert.equal(getLink(moveLinks(doc, 'a.video.json', 'b.video.json'), SANDBOX, 'b.video.json')?.id, 'moved');
  });
});

describe('links store on disk', () => {
  let root: string;
  beforeEach(async () => { root = await mkdtemp(join(tmpdir(), 'links-')); });
  afterEach(async () => { await rm(root, { recursive: true, force: true }); });

  it('reads nothing before the first write, then the file it wrote', async () => {
    const store = new LinkStore(root);
    assert.deepEqual(await store.read(), emptyLinks());
    await store.set(SANDBOX, 'a.video.json', link('1'));
    const text = await readFile(join(root, LINKS_FILE), 'utf8');
    assert.equal(JSON.parse(text).links[SANDBOX]['a.video.json'].id, '1');
    assert.equal((await new LinkStore(root).get(SANDBOX, 'a.video.json'))?.id, '1');
  });

  it('loses no update when several run at once', async () => {
    const store = new LinkStore(root);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(SANDBOX, `f${i}.video.json`, link(String(i)))));
    assert.equal((await store.read()).links.get(SANDBOX)!.size, 20);
  });

  it('never overwrites a links file it cannot read', async () => {
    await mkdir(join(root, '.metastudio'));
    await writeFile(join(root, LINKS_FILE), '{ broken');
    const store = new LinkStore(root);
    await assert.rejects(store.set(SANDBOX, 'a.video.json', link('1')), LinksFileError);
    assert.equal(await readFile(join(root, LINKS_FILE), 'utf8'), '{ broken');
  });

  it('never rewrites a links file with a key that reaches every object, and names the file', async () => {
    await mkdir(join(root, '.metastudio'));
    const text = `{"version": 1, "links": {"__proto__": {"a.video.json": ${JSON.stringify(link('1'))}}}}`;
    await writeFile(join(root, LINKS_FILE), text);
    const store = new LinkStore(root);
    await assert.rejects(store.set(SANDBOX, 'b.video.json', link('2')), (err: unknown) => {
      assert.ok(err instanceof LinksFileError);
      assert.ok(err.message.startsWith(`${store.file}: The key "__proto__" in "links" is refused`), err.message);
      return true;
    });
    assert.equal(await readFile(join(root, LINKS_FILE), 'utf8'), text);
    assert.equal(({} as Record<string, unknown>)['a.video.json'], undefined);
  });

  it('takes no lock and makes no folder for an update that changes nothing', async () => {
    const store = new LinkStore(root);
    await store.update((doc) => moveLinks(doc, 'a.video.json', 'b.video.json'));
    assert.deepEqual(await readdir(root), []);
  });

  it('finds the nearest folder holding .metastudio/, else the folder it started from', async () => {
    const deep = join(root, 'a', 'b');
    await mkdir(deep, { recursive: true });
    assert.equal(await findLinksRoot(deep), deep);
    await mkdir(join(root, '.metastudio'));
    assert.equal(await findLinksRoot(deep), root);
  });
});
