import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
    assert.deepEqual(Object.keys(doc.links[SANDBOX]), ['ok.video.json']);
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
    assert.deepEqual(Object.keys(rest.links[SANDBOX]), ['other.video.json']);
    assert.deepEqual(Object.keys(rest.links[CLOUD]), []);
    const target = putLinks(setLink(emptyLinks(), SANDBOX, 'x.video.json', link('4')), 'moved', taken);
    assert.equal(getLink(target, SANDBOX, 'moved/a.video.json')?.id, '1');
    assert.equal(getLink(target, CLOUD, 'moved/sub/b.live.json')?.id, '2');
    assert.equal(getLink(target, SANDBOX, 'x.video.json')?.id, '4');
    assert.deepEqual(takeLinks(source, 'none'), [source, {}]);
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
    assert.equal(Object.keys((await store.read()).links[SANDBOX]).length, 20);
  });

  it('never overwrites a links file it cannot read', async () => {
    await mkdir(join(root, '.metastudio'));
    await writeFile(join(root, LINKS_FILE), '{ broken');
    const store = new LinkStore(root);
    await assert.rejects(store.set(SANDBOX, 'a.video.json', link('1')), LinksFileError);
    assert.equal(await readFile(join(root, LINKS_FILE), 'utf8'), '{ broken');
  });

  it('finds the nearest folder holding .metastudio/, else the folder it started from', async () => {
    const deep = join(root, 'a', 'b');
    await mkdir(deep, { recursive: true });
    assert.equal(await findLinksRoot(deep), deep);
    await mkdir(join(root, '.metastudio'));
    assert.equal(await findLinksRoot(deep), root);
  });
});
