/**
 * The preview player in its webview: plays the session's previews with a native `<audio>`
 * element, lets the user change voice, speed, pitch and volume (marking the preview stale until
 * Synthesize), and keeps its place through `getState`/`setState` while hidden. Texts are only ever
 * set as `textContent`.
 */
import {
  provideVSCodeDesignSystem, vsCodeButton, vsCodeDivider, vsCodeDropdown, vsCodeOption, vsCodeTextField,
} from '@vscode/webview-ui-toolkit';
import { type AudioEvent, type FromWebview, type PlayerEntry, type PlayerStrings, type ToWebview, type VoiceOption, type VoiceSettings } from '../../src/preview/messages';
import { isVoiceSettingValue, VOICE_SETTINGS, type VoiceSettingName } from '../../src/core/voiceSettings';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeDivider(), vsCodeDropdown(), vsCodeOption(), vsCodeTextField());

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): SavedState | undefined;
  setState(state: SavedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface SavedState {
  readonly currentId?: string;
  readonly part: number;
  readonly position: number;
  readonly rate: string;
}

interface ValueElement extends HTMLElement {
  value: string;
  disabled: boolean;
}

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const strings = JSON.parse($('app').dataset.strings ?? '{}') as PlayerStrings;
const audio = $<HTMLAudioElement>('audio');
const playButton = $<ValueElement>('play');
const seek = $<HTMLInputElement>('seek');
const time = $('time');
const partLabel = $('part');
const rate = $<ValueElement>('rate');
const voice = $<ValueElement>('voice');
const fields = { speed: $<ValueElement>('speed'), pitch: $<ValueElement>('pitch'), volume: $<ValueElement>('volume') };
const synthesize = $<ValueElement>('synthesize');
const save = $<ValueElement>('save');
const stale = $('stale');
const status = $('status');

let entries: readonly PlayerEntry[] = [];
let voices: readonly VoiceOption[] = [];
let current: PlayerEntry | undefined;
let part = 0;
let saved: SavedState = vscode.getState() ?? { part: 0, position: 0, rate: '1' };

function remember(change: Partial<SavedState>): void {
  saved = { ...saved, ...change };
  vscode.setState(saved);
}

function clock(seconds: number): string {
  const s = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function showTime(): void {
  const duration = Number.isFinite(audio.duration) ? audio.duration : 0;
  seek.max = String(duration);
  seek.value = String(audio.currentTime);
  time.textContent = `${clock(audio.currentTime)} / ${clock(duration)}`;
}

function report(event: AudioEvent): void {
  if (!current) return;
  const finite = (n: number) => (Number.isFinite(n) ? n : 0);
  vscode.postMessage({ type: 'audio', entryId: current.id, event, currentTime: finite(audio.currentTime), duration: finite(audio.duration) });
}

function load(entry: PlayerEntry, index: number, position: number, play: boolean): void {
  current = entry;
  part = Math.min(index, entry.sources.length - 1);
  audio.src = entry.sources[part];
  audio.playbackRate = Number(rate.value) || 1;
  partLabel.textContent = entry.sources.length > 1 ? strings.part.replace('{0}', String(part + 1)).replace('{1}', String(entry.sources.length)) : '';
  audio.addEventListener('loadedmetadata', () => {
    if (position > 0 && position < audio.duration) audio.currentTime = position;
    showTime();
  }, { once: true });
  remember({ currentId: entry.id, part, position });
  if (play) {
    audio.play().catch(() => { status.textContent = strings.pressPlay; });
  }
}

/** The controls' settings, or undefined while a number is out of its range. */
function chosenSettings(): VoiceSettings | undefined {
  const values: Record<string, number> = {};
  let valid = true;
  for (const [name, field] of Object.entries(fields) as [VoiceSettingName, ValueElement][]) {
    const { min, max } = VOICE_SETTINGS[name];
    const n = Number(field.value);
    const ok = field.value.trim() !== '' && isVoiceSettingValue(name, n);
    field.title = ok ? '' : strings.outOfRange.replace('{0}', String(min)).replace('{1}', String(max));
    field.classList.toggle('invalid', !ok);
    valid &&= ok;
    values[name] = n;
  }
  return valid && voice.value ? { voiceAssetId: voice.value, speed: values.speed, pitch: values.pitch, volume: values.volume } : undefined;
}

function updateStale(): void {
  const chosen = chosenSettings();
  const was = current && current.settings;
  const changed = !!was && (!chosen || chosen.voiceAssetId !== was.voiceAssetId || chosen.speed !== was.speed || chosen.pitch !== was.pitch || chosen.volume !== was.volume);
  stale.hidden = !changed;
  synthesize.disabled = !current || !chosen;
}

function showSettings(entry: PlayerEntry): void {
  const s = entry.settings;
  fillVoices(s.voiceAssetId, entry.voiceName);
  fields.speed.value = String(s.speed);
  fields.pitch.value = String(s.pitch);
  fields.volume.value = String(s.volume);
  updateStale();
}

function fillVoices(selected: string, selectedName: string): void {
  const options = voices.some((v) => v.id === selected) ? voices : [{ id: selected, name: selectedName }, ...voices];
  voice.replaceChildren(...options.map((v) => {
    const option = document.createElement('vscode-option') as ValueElement;
    option.value = v.id;
    option.textContent = v.provider ? `${v.name} (${v.provider})` : v.name;
    // The dropdown takes in new options asynchronously: the attribute survives that, `value` would not.
    if (v.id === selected) option.setAttribute('selected', '');
    return option;
  }));
  requestAnimationFrame(() => {
    voice.value = selected;
    updateStale();
  });
}

function renderHistory(): void {
  $('history').replaceChildren(...entries.map((entry) => {
    const item = document.createElement('li');
    item.classList.toggle('current', entry.id === current?.id);
    const button = document.createElement('vscode-button');
    button.setAttribute('appearance', 'icon');
    button.setAttribute('aria-label', strings.replay);
    button.title = strings.replay;
    button.textContent = '▶';
    button.addEventListener('click', () => {
      vscode.postMessage({ type: 'select', entryId: entry.id });
      select(entry, true);
    });
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = entry.text.replace(/\s+/g, ' ').slice(0, 120);
    const meta = document.createElement('span');
    meta.className = 'meta';
    const s = entry.settings;
    meta.textContent = [entry.voiceName, `${s.speed}/${s.pitch}/${s.volume}`, entry.sample ? strings.sample : '', entry.fromCache ? strings.fromCache : ''].filter(Boolean).join(' · ');
    item.append(button, label, meta);
    return item;
  }));
}

function select(entry: PlayerEntry, play: boolean, part = 0, position = 0): void {
  $('text').textContent = entry.text;
  $('empty').hidden = true;
  $('player').hidden = false;
  status.textContent = '';
  load(entry, part, position, play);
  showSettings(entry);
  renderHistory();
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'state') {
    entries = message.entries;
    voices = message.voices;
    const entry = entries.find((e) => e.id === message.currentId);
    if (!entry) {
      renderHistory();
      return;
    }
    if (message.autoplay || entry.id !== saved.currentId || !current) {
      const resume = !message.autoplay && entry.id === saved.currentId;
      select(entry, message.autoplay, resume ? saved.part : 0, resume ? saved.position : 0);
    } else {
      fillVoices(voice.value || entry.settings.voiceAssetId, entry.voiceName);
      renderHistory();
    }
  } else if (message.type === 'busy') {
    synthesize.disabled = message.busy;
    status.textContent = message.busy ? strings.synthesizing : message.error ?? '';
  }
});

playButton.addEventListener('click', () => {
  if (!current) return;
  if (audio.paused) audio.play().catch(() => { status.textContent = strings.cannotPlay; });
  else audio.pause();
});
seek.addEventListener('input', () => { audio.currentTime = Number(seek.value); });
rate.addEventListener('change', () => {
  audio.playbackRate = Number(rate.value) || 1;
  remember({ rate: rate.value });
});
voice.addEventListener('change', updateStale);
for (const field of Object.values(fields)) field.addEventListener('input', updateStale);
synthesize.addEventListener('click', () => {
  const settings = chosenSettings();
  if (current && settings) vscode.postMessage({ type: 'synthesize', entryId: current.id, settings });
});
save.addEventListener('click', () => {
  if (current) vscode.postMessage({ type: 'saveAs', entryId: current.id });
});

audio.addEventListener('timeupdate', () => {
  showTime();
  remember({ position: audio.currentTime });
});
audio.addEventListener('loadedmetadata', () => report('loaded'));
audio.addEventListener('playing', () => {
  playButton.textContent = strings.pause;
  status.textContent = '';
  report('playing');
});
audio.addEventListener('pause', () => {
  playButton.textContent = strings.play;
  report('paused');
});
audio.addEventListener('ended', () => {
  report('ended');
  // Several files are one preview: go on with the next part.
  if (current && part + 1 < current.sources.length) load(current, part + 1, 0, true);
});
audio.addEventListener('error', () => {
  status.textContent = strings.cannotPlay;
  report('error');
});

rate.value = saved.rate;
vscode.postMessage({ type: 'ready' });
