/** Sample script bodies for the push, pull and job tests (the sandbox and its client: test/support/sandboxClient.ts). */

/** Seeded, ACTIVED, visible to every project. */
export const AVATAR_ID = '722928573bc9d8a099d400393a18d5d9';
export const VOICE_ID = '5e93f40c9a5fb7e21cbdaf6d20b08559';

export function videoBody(name: string, text = '大家好，欢迎来到发布会。'): Record<string, unknown> {
  return {
    script_name: name,
    model_asset_id: AVATAR_ID,
    voice_config: { voice_asset_id: VOICE_ID },
    video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080, frame_rate: '25', is_subtitle_enabled: true },
    shoot_scripts: [
      { sequence_no: 0, shoot_script: { text_config: { text } } },
      { sequence_no: 1, shoot_script: { script_type: 'TEXT', text_config: { text: '<speak>谢谢。<break time="500ms"/>再见！</speak>' } } },
    ],
  };
}

export function liveBody(name: string): Record<string, unknown> {
  return {
    room_name: name,
    video_config: { codec: 'H264', bitrate: 4000, width: 1080, height: 1920 },
    scene_scripts: [{
      script_name: 'Scene 1',
      model_asset_id: AVATAR_ID,
      voice_config: { voice_asset_id: VOICE_ID, speed: 110 },
      shoot_scripts: [{ sequence_no: 0, title: 'Welcome', text_config: { text: 'Welcome to the live room!' } }],
    }],
    backup_model_asset_ids: [],
  };
}

/** A script file's text as a user would write it. */
export function fileText(body: Record<string, unknown>, schema?: string): string {
  return `${JSON.stringify(schema ? { $schema: schema, ...body } : body, null, 2)}\n`;
}
