/**
 * The voice settings a TTS preview (reference 9.1, table 9-3) and a script's `voice_config`
 * (5.1.1, 6.1.1) take: each one's range and the API's default. Code reads the numbers from here
 * only; the JSON schemas state them again as plain JSON Schema, and a unit test holds the two equal.
 * It imports nothing, so the preview webview bundles it for the browser.
 */
export const VOICE_SETTINGS = {
  speed: { min: 50, max: 200, default: 100 },
  pitch: { min: 50, max: 200, default: 100 },
  volume: { min: 90, max: 240, default: 140 },
} as const;

export type VoiceSettingName = keyof typeof VOICE_SETTINGS;

/** Whether the API takes `value` for the setting: an integer within its range. */
export function isVoiceSettingValue(name: VoiceSettingName, value: number): boolean {
  const { min, max } = VOICE_SETTINGS[name];
  return Number.isInteger(value) && value >= min && value <= max;
}
