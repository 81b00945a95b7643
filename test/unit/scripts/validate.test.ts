import assert from 'node:assert/strict';
import type { CoreDiagnostic, Fix } from '../../../src/core/diagnostics';
import { scriptCodes } from '../../../src/core/scripts/codes';
import { liveScriptTemplate, videoScriptTemplate } from '../../../src/core/scripts/templates';
import { validateScript } from '../../../src/core/scripts/validate';

function applyFix(text: string, fix: Fix | undefined): string {
  assert.ok(fix, 'a fix is offered');
  return [...fix.edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

function only(text: string, kind: 'video' | 'live', code: string): CoreDiagnostic {
  const found = validateScript(text, kind);
  assert.deepEqual(found.map((d) => d.code), [code], JSON.stringify(found, null, 1));
  return found[0];
}

/** The video template with one JSON text replaced. */
function video(from: string, to: string): string {
  assert.ok(videoScriptTemplate.includes(from), from);
  return videoScriptTemplate.replace(from, to);
}

describe('validateScript', () => {
  it('accepts the templates and a top-level $schema', () => {
    assert.deepEqual(validateScript(videoScriptTemplate, 'video'), []);
    assert.deepEqual(validateScript(liveScriptTemplate, 'live'), []);
    assert.deepEqual(validateScript(video('{', '{\n  "$schema": "../schemas/video-script.schema.json",'), 'video'), []);
  });

  it('reports comments and trailing commas as JSON syntax errors with their ranges, and nothing else', () => {
    const withComment = video('{', '{ // note');
    const d = only(withComment, 'video', 'script/json-syntax');
    assert.equal(withComment.slice(d.start, d.end), '// note');
    const trailing = video('"frame_rate": "25"', '"frame_rate": "25",');
    const t = only(trailing, 'video', 'script/json-syntax');
    assert.equal(t.start, trailing.indexOf('"25",') + 4);
    assert.equal(t.end, t.start + 1);
    assert.match(t.message, /Trailing comma/);
    assert.deepEqual(validateScript(applyFix(trailing, t.fixes?.[0]), 'video'), []);
  });

  it('warns about an unknown property, suggesting and renaming a near miss', () => {
    const text = video('"bitrate"', '"bitrat"');
    const found = validateScript(text, 'video');
    const d = found.find((x) => x.code === 'script/unknown-property');
    assert.ok(d);
    assert.equal(d.severity, 'warning');
    assert.equal(text.slice(d.start, d.end), '"bitrat"');
    assert.match(d.message, /Did you mean "bitrate"\?/);
    assert.deepEqual(validateScript(applyFix(text, d.fixes?.[0]), 'video'), []);
    // Missing bitrate is its own error on video_config.
    assert.ok(found.some((x) => x.code === 'script/missing-property' && text.slice(x.start, x.end) === '"video_config"'));
  });

  it('does not suggest far-off names (distance > 2 or not under half the length)', () => {
    const far = validateScript(video('"script_name"', '"script_title", "script_name"'), 'video');
    assert.equal(far.find((d) => d.code === 'script/unknown-property')?.fixes, undefined);
    const short = validateScript(video('"width": 1920', '"width": 1920, "dz": 1'), 'video');
    const d = short.find((x) => x.code === 'script/unknown-property');
    assert.ok(d && !d.fixes && !/Did you mean/.test(d.message), 'dz is 1 from dx and dy, but half of 2 is 1');
  });

  it('replaces a wrong enum value by the closest valid one', () => {
    const lower = video('"H264"', '"h264"');
    assert.deepEqual(validateScript(applyFix(lower, only(lower, 'video', 'script/invalid-enum').fixes?.[0]), 'video'), []);
    const typo = video('"TEXT"', '"TXT"');
    const d = only(typo, 'video', 'script/invalid-enum');
    assert.equal(typo.slice(d.start, d.end), '"TXT"');
    assert.equal(d.fixes?.[0].edits[0].newText, '"TEXT"');
  });

  it('matches auth_type and relation ignoring case, other enums exactly (docs/decisions/case-insensitive-enums.md)', () => {
    const room = (auth: string, relation: string) => JSON.stringify({
      room_name: 'r',
      live_event_callback_config: { auth_type: auth },
      interaction_rules: [{ hit_condition: { relation } }],
    });
    for (const [auth, relation] of [['None', 'And'], ['NONE', 'OR'], ['none', 'or'], ['mss_a_head', 'reserved']]) {
      assert.deepEqual(validateScript(room(auth, relation), 'live'), [], `${auth} ${relation}`);
    }
    const wrong = room('NONEE', 'XOR');
    const found = validateScript(wrong, 'live');
    assert.deepEqual(found.map((d) => [d.code, wrong.slice(d.start, d.end), d.fixes?.[0].edits[0].newText]),
      [['script/invalid-enum', '"NONEE"', '"None"'], ['script/invalid-enum', '"XOR"', '"Or"']]);
  });

  it('inserts a missing mandatory property with a placeholder, in the object\'s layout', () => {
    const text = video('"bitrate": 4000,\n    ', '');
    const d = only(text, 'video', 'script/missing-property');
    assert.equal(text.slice(d.start, d.end), '"video_config"');
    const fixed = applyFix(text, d.fixes?.[0]);
    assert.deepEqual(validateScript(fixed, 'video'), []);
    assert.match(fixed, /"video_config": \{\n {4}"bitrate": 4000,\n {4}"codec": "H264"/);
    const noName = '{"room_name": "x", "scene_scripts": [{"shoot_scripts": []}]}';
    const name = only(noName, 'live', 'script/missing-property');
    assert.equal(noName.slice(name.start, name.end), '{');
    assert.equal(applyFix(noName, name.fixes?.[0]), '{"room_name": "x", "scene_scripts": [{"script_name": "", "shoot_scripts": []}]}');
    const root = validateScript('{}', 'live');
    assert.equal(applyFix('{}', root[0].fixes?.[0]), '{"room_name": ""}');
  });

  it('follows the SDK on mandatory fields: a video script needs no name, scenes or codec', () => {
    assert.deepEqual(validateScript('{}', 'video'), []);
    assert.deepEqual(validateScript(video('"codec": "H264",\n    ', ''), 'video'), []);
  });

  it('warns about the reference\'s misprints of is_subtitle_enable and renames them', () => {
    for (const misprint of ['is_subtitle_enabled', 'is_subtitle_able']) {
      const text = video('"frame_rate": "25"', `"frame_rate": "25", "${misprint}": true`);
      const d = only(text, 'video', 'script/misnamed-field');
      assert.equal(d.severity, 'warning');
      assert.equal(text.slice(d.start, d.end), `"${misprint}"`);
      assert.match(d.message, /the service reads "is_subtitle_enable"/);
      const fixed = applyFix(text, d.fixes?.[0]);
      assert.deepEqual(validateScript(fixed, 'video'), []);
      assert.match(fixed, /"is_subtitle_enable": true/);
    }
    // Beside the right name a rename would duplicate it: the warning stays, without a fix.
    const both = video('"frame_rate": "25"', '"frame_rate": "25", "is_subtitle_enable": true, "is_subtitle_able": true');
    assert.equal(only(both, 'video', 'script/misnamed-field').fixes, undefined);
    // Where no is_subtitle_enable belongs, the name is just unknown.
    only(video('"script_name"', '"is_subtitle_enabled": true, "script_name"'), 'video', 'script/unknown-property');
  });

  it('takes the SDK\'s enum values: VP9 and QTRLE codecs, COLOR backgrounds, frame rates 24 and 30', () => {
    assert.deepEqual(validateScript(video('"H264"', '"VP9"'), 'video'), []);
    assert.deepEqual(validateScript(video('"H264"', '"QTRLE"'), 'video'), []);
    // 24 and 30 are valid, but not for an avatar video; anything else is no frame rate.
    only(video('"frame_rate": "25"', '"frame_rate": "30"'), 'video', 'script/avatar-frame-rate');
    only(video('"frame_rate": "25"', '"frame_rate": "60"'), 'video', 'script/invalid-enum');
    const color = video('"script_type": "TEXT",', '"script_type": "TEXT", "background_config": [{ "background_type": "COLOR", "background_color_config": "#000000" }],');
    assert.deepEqual(validateScript(color, 'video'), []);
  });

  it('asks a COLOR background for its color, with a fix that adds one', () => {
    const text = video('"script_type": "TEXT",', '"script_type": "TEXT",\n        "background_config": [{ "background_type": "COLOR" }],');
    const d = only(text, 'video', 'script/background-color-required');
    assert.equal(d.severity, 'error');
    assert.equal(text.slice(d.start, d.end), '"COLOR"');
    const fixed = applyFix(text, d.fixes?.[0]);
    assert.deepEqual(validateScript(fixed, 'video'), []);
    assert.match(fixed, /\[\{ "background_color_config": "#FFFFFF", "background_type": "COLOR" \}\]/);
  });

  it('asks an intelligent reply for its bot, with a fix that adds the field', () => {
    const text = '{"room_name": "r", "interaction_rules": [{"trigger": {"reply_mode": "INTELLIGENT_REPLY"}}]}';
    const d = only(text, 'live', 'script/robot-id-required');
    const fixed = applyFix(text, d.fixes?.[0]);
    assert.match(fixed, /\{"robot_id": "", "reply_mode": "INTELLIGENT_REPLY"\}/);
    // Still to be filled in: an empty ID names no bot.
    const again = only(fixed, 'live', 'script/robot-id-required');
    assert.equal(fixed.slice(again.start, again.end), '""');
    assert.deepEqual(validateScript(fixed.replace('"robot_id": ""', '"robot_id": "bot-1"'), 'live'), []);
  });

  it('reports a wrong type once, with a retyping fix where the value fits', () => {
    const text = video('"bitrate": 4000', '"bitrate": "4000"');
    const d = only(text, 'video', 'script/wrong-type');
    assert.deepEqual(validateScript(applyFix(text, d.fixes?.[0]), 'video'), []);
    const number = video('"frame_rate": "25"', '"frame_rate": 25');
    assert.deepEqual(validateScript(applyFix(number, only(number, 'video', 'script/wrong-type').fixes?.[0]), 'video'), []);
    // Not an enum error as well, though "5" is no codec either.
    only(video('"codec": "H264"', '"codec": 5'), 'video', 'script/wrong-type');
    only('[]', 'video', 'script/wrong-type');
  });

  it('reports numbers out of their documented range', () => {
    const cases: [string, string][] = [
      ['"bitrate": 4000', '"bitrate": 30001'],
      ['"voice_asset_id": ""', '"voice_asset_id": "", "speed": 49'],
      ['"voice_asset_id": ""', '"voice_asset_id": "", "volume": 241'],
    ];
    for (const [from, to] of cases) {
      const d = only(video(from, to), 'video', 'script/out-of-range');
      assert.equal(d.severity, 'error');
    }
  });

  it('lints every text as SSML in place, ranges and fixes inside the JSON string', () => {
    const spoken = '<speak>"Hi"\n<say-as interpret-as="money">5</say-as><phoneme ph="hua2 wei2">华为</phoneme></speak>';
    const text = JSON.stringify({ script_name: 'x', voice_config: { voice_asset_id: 'v1' }, shoot_scripts: [{ shoot_script: { text_config: { text: spoken } } }] }, null, 2);
    const asked: string[] = [];
    const found = validateScript(text, 'video', { voiceCapability: (id) => { asked.push(id); return { is_support_phoneme: false }; } });
    assert.deepEqual(asked, ['v1']);
    assert.deepEqual(found.map((d) => [d.code, text.slice(d.start, d.end)]), [['ssml/no-effect-in-video', 'say-as'], ['ssml/voice-unsupported', 'phoneme']]);
    const unwrapped = applyFix(text, found[0].fixes?.[0]);
    assert.equal(JSON.parse(unwrapped).shoot_scripts[0].shoot_script.text_config.text, spoken.replace('<say-as interpret-as="money">5</say-as>', '5'));
    // Without a known capability, no per-voice check.
    assert.deepEqual(validateScript(text, 'video').map((d) => d.code), ['ssml/no-effect-in-video']);
  });

  it('turns an internal failure into one diagnostic instead of throwing', () => {
    const found = validateScript('{}', 'neither' as 'video');
    assert.deepEqual(found.map((d) => [d.code, d.severity, d.start, d.end]), [['script/internal-error', 'error', 0, 0]]);
  });

  it('never throws, whatever the input', () => {
    const samples = [videoScriptTemplate, liveScriptTemplate, '', ' ', 'null', '"x"', '{"shoot_scripts": 5}', '{"shoot_scripts": [null, 1, "a", {"shoot_script": []}]}', '\uFEFF{}', '{"a":1}{"b":2}'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const base = samples[i % 2];
      const at = Math.floor(random() * base.length);
      const cut = Math.floor(random() * 5);
      const insert = ['{', '}', '[', ']', '"', ',', ':', '\\', '\\u', '1', 'true', '\n', ''][Math.floor(random() * 13)];
      samples.push(base.slice(0, at) + insert + base.slice(at + cut));
    }
    for (const text of samples) {
      for (const kind of ['video', 'live'] as const) {
        const found = validateScript(text, kind);
        for (const d of found) {
          assert.ok(d.code in scriptCodes || d.code.startsWith('ssml/'), d.code);
          assert.notEqual(d.code, 'script/internal-error', `${d.message} on ${JSON.stringify(text)}`);
          assert.ok(d.start >= 0 && d.start <= d.end && d.end <= text.length, JSON.stringify(d));
        }
      }
    }
  });
});
