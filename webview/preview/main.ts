/**
 * The preview player in its webview: plays the session's previews with a native `<audio>`
 * element, lets the user change voice, speed, pitch and volume (marking the preview stale until
 * Synthesize), and keeps its place through `getState`/`setState` while hidden. Texts are only ever
 * set as `textContent`.
 *
 * For screen readers, what changes is said through polite live regions (#errors for the settings'
 * validity, #stale, #status for previews ready or failed), each written only when its text changes:
 * one user action is announced at most once. Synthesize is never `disabled` (that would drop its
 * keyboard focus): it is `aria-disabled` and says why next to it.
 */
import './player.css';
import { isVoiceSettingValue, VOICE_SETTINGS, type VoiceSettingName } from '../../src/core/voiceSettings';
import { type AudioEvent, type FromWebview, type PlayerEntry, type PlayerStrings, type ToWebview, type VoiceOption, type VoiceSettings } from '../../src/preview/messages';
import { bindSeekSlider } from '../shared/seekSlider';
import { excerpt, fill } from '../shared/words';

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

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const strings = JSON.parse($('app').dataset.strings ?? '{}') as PlayerStrings;
const audio = $<HTMLAudioElement>('audio');
const playButton = $<HTMLButtonElement>('play');
const partLabel = $('part');
const rate = $<HTMLSelectElement>('rate');
const voice = $<HTMLSelectElement>('voice');
const settingNames = Object.keys(VOICE_SETTINGS) as VoiceSettingName[];
const fields = Object.fromEntries(settingNames.map((name) => [name, $<HTMLInputElement>(name)])) as Record<VoiceSettingName, HTMLInputElement>;
const synthesize = $<HTMLButtonElement>('synthesize');
const synthesizeWhy = $('synthesize-why');
const save = $<HTMLButtonElement>('save');
const stale = $('stale');
const status = $('status');
const history = $('history');
const listFormat = new Intl.ListFormat(document.documentElement.lang || undefined, { type: 'conjunction' });

let entries: readonly PlayerEntry[] = [];
let voices: readonly VoiceOption[] = [];
let current: PlayerEntry | undefined;
let part = 0;
let busy = false;
let saved: SavedState = vscode.getState() ?? { part: 0, position: 0, rate: '1' };

function remember(change: Partial<SavedState>): void {
  saved = { ...saved, ...change };
  vscode.setState(saved);
}

/** Writes a text only when it differs: a live region written again may be announced again. */
function say(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

const showTime = bindSeekSlider($<HTMLInputElement>('seek'), $('time'), audio, strings);

function report(event: AudioEvent): void {
  if (!current) return;
  const finite = (n: number) => (Number.isFinite(n) ? n : 0);
  vscode.postMessage({ type: 'audio', entryId: current.id, event, currentTime: finite(audio.currentTime), duration: finite(audio.duration) });
}

/** Loads a part of the entry; with `play`, resolves whether it plays (the browser may refuse without a user gesture). */
function load(entry: PlayerEntry, index: number, position: number, play: boolean): Promise<boolean> {
  current = entry;
  part = Math.min(index, entry.sources.length - 1);
  audio.src = entry.sources[part];
  audio.playbackRate = Number(rate.value) || 1;
  partLabel.textContent = entry.sources.length > 1 ? fill(strings.part, part + 1, entry.sources.length) : '';
  audio.addEventListener('loadedmetadata', () => {
    if (position > 0 && position < audio.duration) audio.currentTime = position;
    showTime();
  }, { once: true });
  remember({ currentId: entry.id, part, position });
  return play ? audio.play().then(() => true, () => false) : Promise.resolve(false);
}

/** Marks each number field valid or not (`aria-invalid`, its message) and returns the invalid ones. */
function checkFields(): VoiceSettingName[] {
  return settingNames.filter((name) => {
    const field = fields[name];
    const { min, max } = VOICE_SETTINGS[name];
    const ok = field.value.trim() !== '' && isVoiceSettingValue(name, Number(field.value));
    field.setAttribute('aria-invalid', String(!ok));
    say($(`${name}-error`), ok ? '' : fill(strings.outOfRange, strings[name], min, max));
    return !ok;
  });
}

/** The controls' settings, or undefined while one is invalid or no voice is chosen. */
function chosenSettings(invalid = checkFields()): VoiceSettings | undefined {
  if (invalid.length > 0 || !voice.value) return undefined;
  return { voiceAssetId: voice.value, speed: Number(fields.speed.value), pitch: Number(fields.pitch.value), volume: Number(fields.volume.value) };
}

/** Shows whether the settings differ from the preview's, and whether (and why not) Synthesize can run. */
function updateSettings(): void {
  const invalid = checkFields();
  const chosen = chosenSettings(invalid);
  const was = current?.settings;
  const changed = !!was && !!chosen && (chosen.voiceAssetId !== was.voiceAssetId || chosen.speed !== was.speed || chosen.pitch !== was.pitch || chosen.volume !== was.volume);
  say(stale, changed ? strings.stale : '');
  const why = busy ? strings.synthesizing
    : invalid.length > 0 ? fill(strings.correctToSynthesize, listFormat.format(invalid.map((name) => strings[name])))
      : chosen ? '' : strings.chooseVoice;
  say(synthesizeWhy, why);
  synthesize.setAttribute('aria-disabled', String(!current || why !== ''));
}

function showSettings(entry: PlayerEntry): void {
  const s = entry.settings;
  fields.speed.value = String(s.speed);
  fields.pitch.value = String(s.pitch);
  fields.volume.value = String(s.volume);
  fillVoices(s.voiceAssetId, entry.voiceName);
}

function fillVoices(selected: string, selectedName: string): void {
  const options = voices.some((v) => v.id === selected) ? voices : [{ id: selected, name: selectedName }, ...voices];
  voice.replaceChildren(...options.map((v) => new Option(v.provider ? `${v.name} (${v.provider})` : v.name, v.id, false, v.id === selected)));
  voice.value = selected;
  updateSettings();
}

/** The entry's number in the session list, oldest 1: how its button and announcements name it. */
function numberOf(entry: PlayerEntry): number {
  return entries.length - entries.findIndex((e) => e.id === entry.id);
}

function renderHistory(): void {
  // Rendering replaces the buttons: the one that had the focus gets it back.
  const focusedId = history.contains(document.activeElement) ? document.activeElement?.closest('li')?.dataset.entryId : undefined;
  history.replaceChildren(...entries.map((entry) => {
    const isCurrent = entry.id === current?.id;
    const item = document.createElement('li');
    item.dataset.entryId = entry.id;
    item.classList.toggle('current', isCurrent);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'icon';
    const name = fill(strings.replay, numberOf(entry), excerpt(entry.text));
    button.setAttribute('aria-label', name);
    button.title = name;
    if (isCurrent) button.setAttribute('aria-current', 'true');
    button.textContent = '▶';
    button.addEventListener('click', () => {
      vscode.postMessage({ type: 'select', entryId: entry.id });
      void select(entry, true);
    });
    const label = document.createElement('span');
    label.className = 'label';
    label.textContent = excerpt(entry.text, 120);
    const meta = document.createElement('span');
    meta.className = 'meta';
    const s = entry.settings;
    meta.textContent = [entry.voiceName, fill(strings.settings, s.speed, s.pitch, s.volume), entry.sample ? strings.sample : '', entry.fromCache ? strings.fromCache : ''].filter(Boolean).join(' · ');
    item.append(button, label);
    if (isCurrent) {
      // Not by colour alone: the entry in the player says so.
      const mark = document.createElement('span');
      mark.className = 'badge';
      mark.textContent = strings.current;
      item.append(mark);
    }
    item.append(meta);
    return item;
  }));
  if (focusedId) history.querySelector<HTMLElement>(`li[data-entry-id="${CSS.escape(focusedId)}"] button`)?.focus();
}

function select(entry: PlayerEntry, play: boolean, part = 0, position = 0): Promise<boolean> {
  $('text').textContent = entry.text;
  $('empty').hidden = true;
  $('player').hidden = false;
  say(status, '');
  const playing = load(entry, part, position, play);
  showSettings(entry);
  renderHistory();
  return playing;
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
      const playing = select(entry, message.autoplay, resume ? saved.part : 0, resume ? saved.position : 0);
      const number = numberOf(entry);
      if (message.autoplay) void playing.then((plays) => say(status, fill(plays ? strings.readyPlaying : strings.readyPressPlay, number)));
    } else {
      fillVoices(voice.value || entry.settings.voiceAssetId, entry.voiceName);
      renderHistory();
    }
  } else if (message.type === 'busy') {
    busy = message.busy;
    if (busy) say(status, '');
    else if (message.error) say(status, fill(strings.failed, message.error));
    updateSettings();
  } else if (message.type === 'saveDialogClosed') {
    save.focus();
  }
});

playButton.addEventListener('click', () => {
  if (!current) return;
  if (audio.paused) audio.play().catch(() => say(status, strings.cannotPlay));
  else audio.pause();
});
rate.addEventListener('change', () => {
  audio.playbackRate = Number(rate.value) || 1;
  remember({ rate: rate.value });
});
voice.addEventListener('change', updateSettings);
for (const field of Object.values(fields)) field.addEventListener('input', updateSettings);
synthesize.addEventListener('click', () => {
  if (synthesize.getAttribute('aria-disabled') === 'true') return;
  const settings = chosenSettings();
  if (current && settings) vscode.postMessage({ type: 'synthesize', entryId: current.id, settings });
});
save.addEventListener('click', () => {
  if (current) vscode.postMessage({ type: 'saveAs', entryId: current.id });
});

audio.addEventListener('timeupdate', () => remember({ position: audio.currentTime }));
audio.addEventListener('loadedmetadata', () => report('loaded'));
audio.addEventListener('playing', () => {
  playButton.textContent = strings.pause;
  say(status, '');
  report('playing');
});
audio.addEventListener('pause', () => {
  playButton.textContent = strings.play;
  report('paused');
});
audio.addEventListener('ended', () => {
  report('ended');
  // Several files are one preview: go on with the next part.
  if (current && part + 1 < current.sources.length) void load(current, part + 1, 0, true);
});
audio.addEventListener('error', () => {
  say(status, strings.cannotPlay);
  report('error');
});

rate.value = saved.rate;
vscode.postMessage({ type: 'ready' });
