/** Sample script bodies for the push, pull and job tests (the sandbox and its client: test/support/sandboxClient.ts). */

/** Seeded, ACTIVED, visible to every project. */
export const AVATAR_ID = '722928573bc9d8a099d400393a18d5d9';
export const VOICE_ID = '5e93f40c9a5fb7e21cbdaf6d20b08559';

export function videoBody(name: string, text = '大家好，欢迎来到发布会。'): Record<string, unknown> {
  return {
    script_name: name,
    model_asset_id: AVATAR_ID,
    voice_config: { voice_asset_id: VOICE_ID },
    video_config: { codec: 'H264', bitrate: 4000, width: 1920, height: 1080, frame_rate: '25', is_subtitle_enable: true },
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

const IMAGE_URL = 'https://assets.example.com/product.png';

/** A video script using many of the SDK's fields the reference lacks, with no server default written out. */
export function richVideoBody(name: string): Record<string, unknown> {
  return {
    script_name: name,
    script_description: 'Every newer field',
    model_asset_id: AVATAR_ID,
    model_asset_type: 'HUMAN_MODEL_2D',
    voice_config: { voice_asset_id: VOICE_ID, speed: 110, pitch: 95, volume: 150 },
    video_config: {
      clip_mode: 'CROP', codec: 'VP9', bitrate: 6000, width: 1080, height: 1920, frame_rate: '30', dx: 0, dy: 0,
      is_subtitle_enable: true,
      subtitle_config: {
        dx: 108, dy: 1700, h: 80, w: 864, font_name: 'HarmonyOS_Sans_SC_Regular', font_size: 40,
        font_color: '#FFFFFF', stroke_color: '#000000', stroke_thickness: 2.5, opacity: 0.8,
      },
      is_enable_super_resolution: true,
      is_end_at_first_frame: true,
      output_external_url: 'https://uploads.example.com/out.mp4',
      is_vocabulary_config_enable: true,
    },
    priv_data: '{"order":42}',
    background_music_config: { music_asset_id: 'music-1', volume: 60 },
    review_config: { no_need_review: true },
    action_config: { action_interval: 6.5 },
    audio_files: { audio_file_url: [{ sequence_no: 1, audio_file_download_url: 'https://assets.example.com/take.wav', audio_id: 7 }] },
    shoot_scripts: [
      {
        sequence_no: 0,
        shoot_script: {
          text_config: { text: '<speak>新品上市。<break time="300ms"/>欢迎选购。</speak>' },
          background_config: [{ background_type: 'IMAGE', background_config: IMAGE_URL, background_image_config: { dx: 0, dy: 0, width: 1080, height: 1920 } }],
          layer_config: [
            {
              layer_type: 'IMAGE', asset_id: 'image-1', sequence_no: 1, position: { dx: 100, dy: 200, layer_index: 2 },
              size: { width: 300, height: 200 }, rotation: { angle: 45 }, image_config: { image_url: IMAGE_URL },
            },
            {
              layer_type: 'VIDEO', sequence_no: 2, position: { dx: 0, dy: 0, layer_index: 3 },
              video_config: { video_url: 'https://assets.example.com/clip.mp4', video_cover_url: IMAGE_URL, loop_count: -1, video_sound: 30, is_play_the_entire_video: true },
            },
            {
              layer_type: 'TEXT', position: { dx: 40, dy: 40, layer_index: 4 },
              text_config: { text_context: '5paw5ZOB', font_name: 'HarmonyOS_Sans_SC_Black', font_size: 32, font_color: '#FFCC00' },
            },
          ],
        },
        subtitle_file_info: { text_subtitle_file: { subtitle_file_download_url: 'https://assets.example.com/a.srt', subtitle_file_state: 'GENERATE_SUCCEED' } },
      },
      {
        sequence_no: 1,
        shoot_script: {
          script_type: 'AUDIO',
          text_config: { text: '谢谢观看。' },
          audio_duration: 12.5,
          audio_drive_action_config: [{ action_tag: 'wave', action_name: 'Wave', action_start_time: 1.5 }],
          audio_drive_file_external_url: 'https://assets.example.com/take.wav',
          background_config: [{ background_type: 'COLOR', background_color_config: '#336699' }],
          audio_config: { audio_id: 7 },
        },
      },
    ],
  };
}

/** A live room using many of the SDK's fields the reference lacks, with no server default written out. */
export function richLiveBody(name: string): Record<string, unknown> {
  const position = { dx: 20, dy: 20, layer_index: 5 };
  return {
    room_name: name,
    room_description: 'Every newer field',
    room_type: 'TEMP',
    scene_scripts: [{
      script_name: 'Opening',
      script_description: 'The first scene',
      model_asset_id: AVATAR_ID,
      voice_config: { voice_asset_id: VOICE_ID, speed: 110 },
      background_config: [{ background_type: 'COLOR', background_color_config: '#000000' }],
      layer_config: [{ layer_type: 'IMAGE', sequence_no: 2, position, rotation: { angle: 90 }, image_config: { image_url: IMAGE_URL } }],
      shoot_scripts: [{
        sequence_no: 0, title: 'Welcome', text_config: { text: '欢迎来到直播间！' },
        audio_config: { audio_url: 'https://assets.example.com/welcome.wav', subtitle_url: 'https://assets.example.com/welcome.srt' },
        relation_product: { product_id: 'p-1', product_title: 'Tea set' },
      }],
    }],
    interaction_config: { play_type: 'INSERT', ignore_current_sentence: true },
    interaction_rules: [{
      rule_index: '1', rule_name: 'Price question', enabled: true, event_type: 1,
      hit_condition: { relation: 'OR', priority: 10, tags: [{ tag: 'question', operation: 'NONE', match: 'REGEX', value: '价格|多少钱' }] },
      trigger: {
        time_window: 30, reply_mode: 'SYSTEM_REPLY_AND_CALLBACK', reply_texts: ['价格在购物车里。'], reply_order: 'RANDOM', reply_role: 'CO_STREAMER', play_type: 'PLAY_NOW',
        layer_config: { layer_type: 'TEXT', position, text_config: { text_type: 'DYNAMIC', text_context: '5Lu35qC8', display_duration: 5 } },
      },
      enabled_scenes: ['Opening'],
    }],
    play_policy: {
      repeat_count: 2, auto_play_script: true, play_mode: 'AUDIO', random_play_mode: 'SCENE', need_independent_capture_client: false,
      live_exit_config: { max_live_duration: 24, auto_stop_mode: 'SCENE_END', max_exception_waiting_duration: 5 },
      is_rewrite_delay: true,
    },
    video_config: { codec: 'H264', bitrate: 4000, width: 1080, height: 1920, frame_rate: '25', subtitle_config: { stroke_color: '#000000', stroke_thickness: 1, opacity: 0.5 } },
    output_urls: ['rtmp://live.example.com/app'],
    stream_keys: ['key-1'],
    backup_model_asset_ids: [AVATAR_ID],
    live_event_callback_config: {
      live_event_type_callback_url: 'https://hooks.example.com/live', auth_type: 'MSS_A', key: 'hook-key',
      callback_event_type: ['SHOOT_SCRIPT_SWITCH'], is_inheritance_platform_callback: true,
    },
    rtc_callback_config: { rtc_callback_event_type: ['LIVE_PROGRESS'] },
    review_config: { no_need_review: false },
    shared_config: { shared_type: 'PRIVATE', shared_state: 'DRAFT' },
    co_streamer_config: { voice_config: { voice_asset_id: VOICE_ID, pitch: 120 }, streamer_action: 'VOLUME_DOWN' },
    priv_data: 'p',
    relation_live_platform_info: { platform_id: 'platform-1', live_id: 'live-1' },
  };
}

/** A script file's text as a user would write it. */
export function fileText(body: Record<string, unknown>, schema?: string): string {
  return `${JSON.stringify(schema ? { $schema: schema, ...body } : body, null, 2)}\n`;
}
