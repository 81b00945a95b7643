/**
 * The video player in its webview: a `<video>` with the page's own controls (Play, Position,
 * Playback speed, Mute, Download Video…) rather than the browser's, so that they step in seconds,
 * say their values in words and take the theme's colours. Load and playback events go back to the
 * extension (for its log and tests). The status line is a polite live region, written only when its
 * text changes: the video failing to play or reaching its end is said once.
 */
import './player.css';
import type { FromVideoWebview, ToVideoWebview, VideoStrings } from '../../src/jobs/videoMessages';
import { bindSeekSlider } from '../shared/seekSlider';

interface VsCodeApi {
  postMessage(message: FromVideoWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const strings = JSON.parse($('app').dataset.strings ?? '{}') as VideoStrings;
const video = $<HTMLVideoElement>('video');
const playButton = $<HTMLButtonElement>('play');
const rate = $<HTMLSelectElement>('rate');
const mute = $<HTMLButtonElement>('mute');
const download = $<HTMLButtonElement>('download');
const status = $('status');

bindSeekSlider($<HTMLInputElement>('seek'), $('time'), video, strings);

function say(text: string): void {
  if (status.textContent !== text) status.textContent = text;
}

function togglePlay(): void {
  if (video.paused) video.play().catch(() => say(strings.cannotPlay));
  else video.pause();
}

playButton.addEventListener('click', togglePlay);
video.addEventListener('click', togglePlay);
rate.addEventListener('change', () => { video.playbackRate = Number(rate.value) || 1; });
mute.addEventListener('click', () => {
  video.muted = !video.muted;
  mute.textContent = video.muted ? strings.unmute : strings.mute;
});
download.addEventListener('click', () => vscode.postMessage({ type: 'download' }));

video.addEventListener('playing', () => {
  playButton.textContent = strings.pause;
  say('');
});
video.addEventListener('pause', () => { playButton.textContent = strings.play; });
video.addEventListener('ended', () => say(strings.ended));
video.addEventListener('error', () => say(strings.cannotPlay));
for (const event of ['loadedmetadata', 'canplay', 'play', 'pause', 'ended', 'error']) {
  video.addEventListener(event, () => vscode.postMessage({ type: 'video', event, duration: Number.isFinite(video.duration) ? video.duration : 0 }));
}

window.addEventListener('message', (event: MessageEvent<ToVideoWebview>) => {
  if (event.data.type === 'downloadDialogClosed') download.focus();
});

// Opened from a command or a notification, or come back to from elsewhere, the keyboard starts on Play.
playButton.focus();
window.addEventListener('focus', () => {
  if (document.activeElement === document.body) playButton.focus();
});
