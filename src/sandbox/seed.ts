/**
 * The sandbox's built-in asset library: 264 assets (voices with different capabilities, 2D
 * avatars, images, videos, music, audio, animations, PPTs, files, 3D models), Chinese and English
 * names, two of them not ACTIVED. Deterministic: IDs are hashes of the index and every other
 * choice comes from a fixed-seed generator, so a restart gives the same library.
 */
import { createHash } from 'node:crypto';
import { mulberry32 } from '../core/prng';
import type { FileRecipe } from './media';
import { rfc3339, type AssetRecord, type FileRecord, type JsonObject } from './model';

const SEED_EPOCH_MS = Date.UTC(2024, 2, 1);

export function hexId(label: string): string {
  return createHash('sha256').update(label).digest('hex').slice(0, 32);
}

type Capability =
  | 'phoneme_en' | 'phoneme' | 'break_time' | 'break_strength' | 'speed' | 'prosody' | 'ssml_say_as' | 'ssml_sub' | 'word';
const ALL_CAPABILITIES: readonly Capability[] = [
  'phoneme_en', 'phoneme', 'break_time', 'break_strength', 'speed', 'prosody', 'ssml_say_as', 'ssml_sub', 'word',
];

interface VoiceSpec {
  readonly name: string;
  readonly sex: 'MALE' | 'FEMALE';
  readonly language: string;
  readonly realtime: boolean;
  readonly capabilities: readonly Capability[];
  readonly sample: boolean;
  readonly provider?: string;
}

const VOICES: readonly VoiceSpec[] = [
  { name: '晓雅 知性女声', sex: 'FEMALE', language: 'CN', realtime: true, capabilities: ALL_CAPABILITIES, sample: true },
  { name: '云飞 新闻男声', sex: 'MALE', language: 'CN', realtime: true, capabilities: ['phoneme', 'break_time', 'speed', 'prosody'], sample: true },
  { name: '小暖 温柔女声', sex: 'FEMALE', language: 'CN', realtime: false, capabilities: ['break_time', 'speed'], sample: false },
  { name: '浩然 磁性男声', sex: 'MALE', language: 'CN', realtime: false, capabilities: ['phoneme', 'break_time', 'break_strength', 'speed'], sample: true },
  { name: 'Sarah (English, female)', sex: 'FEMALE', language: 'EN', realtime: true, capabilities: ['phoneme_en', 'break_time', 'break_strength', 'speed', 'ssml_say_as', 'ssml_sub'], sample: true },
  { name: 'James (English, male)', sex: 'MALE', language: 'EN', realtime: false, capabilities: ['phoneme_en', 'break_time', 'speed'], sample: true },
  { name: 'Emma (English, news)', sex: 'FEMALE', language: 'EN', realtime: true, capabilities: ['break_time', 'speed', 'prosody'], sample: false },
  { name: 'Leo (English, narrator)', sex: 'MALE', language: 'EN', realtime: false, capabilities: [], sample: false },
  { name: '阿珊 粤语女声', sex: 'FEMALE', language: 'YY', realtime: false, capabilities: ['break_time'], sample: true },
  { name: '川妹子 四川话', sex: 'FEMALE', language: 'SCH', realtime: true, capabilities: ['break_time', 'speed'], sample: false },
  { name: '小诺 (Mobvoi)', sex: 'FEMALE', language: 'CN', realtime: true, capabilities: ['break_time', 'speed'], sample: true, provider: 'MOBVOI' },
  { name: '大壮 (Mobvoi)', sex: 'MALE', language: 'CN', realtime: false, capabilities: ['speed'], sample: false, provider: 'MOBVOI' },
];
const GENERATED_VOICES = 12;

interface Draft {
  name: string;
  type: string;
  source: 'SYSTEM' | 'CUSTOMIZATION';
  state?: string;
  tags: string[];
  description?: string;
  meta?: JsonObject;
  properties?: { key: string; value: string }[];
  files: { category: string; name: string; type: string; recipe: FileRecipe }[];
  failType?: string;
  reason?: string;
}

const cover = (name: string, rgb: [number, number, number]) =>
  ({ category: 'COVER', name: `${name}.png`, type: 'png', recipe: { kind: 'png', width: 32, height: 18, rgb } as FileRecipe });

export function seedAssets(): AssetRecord[] {
  const random = mulberry32(20240301);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const colour = (): [number, number, number] => [0, 0, 0].map(() => Math.floor(random() * 256)) as [number, number, number];
  const drafts: Draft[] = [];

  const voices = [...VOICES];
  for (let i = 1; i <= GENERATED_VOICES; i++) {
    const english = i % 2 === 0;
    voices.push({
      name: english ? `Voice ${String(i).padStart(2, '0')} (English)` : `标准音色 ${String(i).padStart(2, '0')}`,
      sex: random() < 0.5 ? 'MALE' : 'FEMALE',
      language: english ? 'EN' : 'CN',
      realtime: random() < 0.5,
      capabilities: ALL_CAPABILITIES.filter(() => random() < 0.5),
      sample: random() < 0.6,
    });
  }
  voices.forEach((voice, order) => {
    const flags: JsonObject = {};
    for (const capability of ALL_CAPABILITIES) flags[`is_support_${capability}`] = voice.capabilities.includes(capability);
    const meta: JsonObject = {
      order,
      model_type: 'COMMON',
      sex: voice.sex,
      language: voice.language,
      speed_ratio: 1,
      volume_ratio: 1,
      is_realtime_voice: voice.realtime,
      voice_capability: flags,
    };
    if (voice.provider) meta.external_voice_meta = { provider: voice.provider };
    const files: Draft['files'] = [{ category: 'MAIN', name: 'voice.bin', type: 'bin', recipe: { kind: 'bytes', seed: voice.name, size: 2048 } }];
    if (voice.sample) {
      const frequencyHz = voice.sex === 'MALE' ? 165 : 330;
      files.push({ category: 'SAMPLE', name: 'sample.wav', type: 'wav', recipe: { kind: 'wav', durationMs: 1500, frequencyHz } });
    }
    drafts.push({ name: voice.name, type: 'VOICE_MODEL', source: 'SYSTEM', tags: ['voice', voice.language], meta: { voice_model_meta: meta }, files });
  });

  const avatarNames = ['云舒 商务女主播', '明轩 新闻主播', 'Alex (business suit)', 'Mia (casual)', '小林 教师', 'Chen (doctor)'];
  for (let i = 0; i < 20; i++) {
    const name = `${avatarNames[i % avatarNames.length]}${i >= avatarNames.length ? ` ${Math.floor(i / avatarNames.length) + 1}` : ''}`;
    const resolution = i % 5 === 0 ? '4K' : '1080P';
    drafts.push({
      name, type: 'HUMAN_MODEL_2D', source: 'SYSTEM', tags: ['avatar'],
      meta: { human_model_2d_meta: {
        is_action_editable: i % 3 === 0, is_real_background: i % 4 === 0, support_live: i % 2 === 0,
        model_version: pick(['V2', 'V3', 'V3_2']), model_resolution: resolution,
      } },
      files: [{ category: 'MAIN', name: 'model.zip', type: 'zip', recipe: { kind: 'bytes', seed: name, size: 4096 } }, cover('cover', colour())],
    });
  }

  const backgrounds = ['办公室', '演播室', 'Studio', 'City skyline', '教室', 'Beach', '直播间', 'Library'];
  for (let i = 0; i < 90; i++) {
    const system = i < 45;
    const name = system ? `${backgrounds[i % backgrounds.length]} ${String(i + 1).padStart(2, '0')}` : i % 2 ? `产品图 ${i - 44}` : `Product shot ${i - 44}`;
    const rgb = colour();
    drafts.push({
      name, type: 'IMAGE', source: system ? 'SYSTEM' : 'CUSTOMIZATION', tags: [system ? 'background' : 'product'],
      state: i === 50 ? 'UNACTIVED' : undefined,
      meta: { image_meta: { codec: 'png', width: 320, height: 180, mode: 'Horizontal' } },
      properties: [{ key: system ? 'BACKGROUND_IMG' : 'MATERIAL_IMG', value: 'Yes' }],
      files: [{ category: 'MAIN', name: 'image.png', type: 'png', recipe: { kind: 'png', width: 320, height: 180, rgb } }, cover('cover', rgb)],
    });
  }

  for (let i = 0; i < 40; i++) {
    const system = i < 15;
    const seconds = 5 + Math.floor(random() * 55);
    drafts.push({
      name: system ? `片头动画 ${i + 1}` : i % 2 ? `Demo clip ${i}` : `宣传视频 ${i}`,
      type: 'VIDEO', source: system ? 'SYSTEM' : 'CUSTOMIZATION', tags: ['video'],
      state: i === 30 ? 'FAILED' : undefined,
      failType: i === 30 ? 'AUTOMATIC_REVIEW_REJECT' : undefined,
      reason: i === 30 ? 'Content review rejected the video.' : undefined,
      meta: { video_meta: { video_codec: 'H264', width: 1920, height: 1080, frame_rate: '25', duration: seconds, mode: 'Horizontal', video_transcoding_status: 'SUCCEEDED' } },
      properties: system ? [{ key: 'MATERIAL_VIDEO', value: 'Yes' }] : undefined,
      files: [{ category: 'MAIN', name: 'video.mp4', type: 'mp4', recipe: { kind: 'mp4', durationMs: seconds * 1000, rgb: colour() } }, cover('cover', colour())],
    });
  }

  const moods = ['轻快钢琴', 'Upbeat Corporate', '舒缓弦乐', 'Lo-fi Beats', '激昂鼓点'];
  const audioAsset = (name: string, type: string, source: Draft['source']) => {
    const ms = 2000;
    drafts.push({
      name, type, source, tags: [type.toLowerCase()],
      meta: { audio_meta: { duration: ms / 1000, audio_codec: 'PCM', audio_channels: 1, sample: 16000 } },
      files: [{ category: 'MAIN', name: 'audio.wav', type: 'wav', recipe: { kind: 'wav', durationMs: ms, frequencyHz: 200 + Math.floor(random() * 600) } }],
    });
  };
  for (let i = 0; i < 25; i++) audioAsset(`${moods[i % moods.length]} ${String(i + 1).padStart(2, '0')}`, 'MUSIC', 'SYSTEM');
  for (let i = 0; i < 20; i++) audioAsset(i % 2 ? `口播录音 ${i}` : `Voice-over take ${i}`, 'AUDIO', 'CUSTOMIZATION');

  const gestures = ['挥手', 'Wave', '点头', 'Point left', '鞠躬', 'Thumbs up', '摊手', 'Welcome'];
  for (let i = 0; i < 20; i++) {
    const name = `${gestures[i % gestures.length]} ${Math.floor(i / gestures.length) + 1}`;
    drafts.push({
      // The SDK's asset metadata has no part for animations.
      name, type: 'ANIMATION', source: 'SYSTEM', tags: ['action'],
      files: [{ category: 'MAIN', name: 'action.zip', type: 'zip', recipe: { kind: 'bytes', seed: name, size: 1024 } }],
    });
  }

  for (let i = 0; i < 5; i++) {
    const name = i % 2 ? `产品介绍 ${i + 1}` : `Quarterly review ${i + 1}`;
    drafts.push({
      name, type: 'PPT', source: 'CUSTOMIZATION', tags: ['ppt'],
      meta: { ppt_meta: { auto_analysis: true, ppt_analysis_status: 'SUCCEEDED', page_count: 3 } },
      files: [{ category: 'MAIN', name: 'slides.pptx', type: 'pptx', recipe: { kind: 'bytes', seed: name, size: 3072 } }, cover('cover', colour())],
    });
    drafts.push({
      name: i % 2 ? `字幕文件 ${i + 1}` : `Notes ${i + 1}`, type: 'COMMON_FILE', source: 'CUSTOMIZATION', tags: ['file'],
      files: [{ category: 'MAIN', name: 'file.bin', type: 'bin', recipe: { kind: 'bytes', seed: `file${i}`, size: 512 } }],
    });
  }
  const threeD: [string, string][] = [['HUMAN_MODEL', '3D 主播'], ['SCENE', '3D Scene'], ['MATERIAL', '服装 Outfit']];
  for (const [type, label] of threeD) {
    for (let i = 1; i <= 5; i++) {
      drafts.push({
        name: `${label} ${i}`, type, source: 'SYSTEM', tags: ['3d'],
        files: [{ category: 'MAIN', name: 'model.bin', type: 'bin', recipe: { kind: 'bytes', seed: `${type}${i}`, size: 2048 } }, cover('cover', colour())],
      });
    }
  }

  return drafts.map((draft, index): AssetRecord => {
    const time = rfc3339(SEED_EPOCH_MS + index * 37 * 60_000);
    const asset_id = hexId(`sandbox-asset:${index}`);
    const files = draft.files.map((f): FileRecord => ({
      file_id: hexId(`sandbox-file:${index}:${f.category}`),
      file_name: f.name,
      file_type: f.type,
      asset_file_category: f.category,
      recipe: f.recipe,
    }));
    return {
      asset_id,
      asset_name: draft.name,
      asset_description: draft.description,
      asset_type: draft.type,
      asset_state: draft.state ?? 'ACTIVED',
      create_time: time,
      update_time: time,
      tags: draft.tags,
      source: draft.source,
      project_id: null,
      asset_extra_meta: draft.meta,
      system_properties: draft.properties,
      fail_type: draft.failType,
      reason: draft.reason,
      files,
    };
  });
}
