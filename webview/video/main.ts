/**
 * The video player in its webview: a native `<video>` whose load and playback events go back to
 * the extension (for its log and tests); an error shows the page's message.
 */
import type { VideoEventMessage } from '../../src/jobs/videoMessages';

interface VsCodeApi {
  postMessage(message: VideoEventMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const video = document.getElementById('video') as HTMLVideoElement;
const status = document.getElementById('status') as HTMLElement;

for (const event of ['loadedmetadata', 'canplay', 'play', 'pause', 'ended', 'error']) {
  video.addEventListener(event, () => {
    if (event === 'error') status.hidden = false;
    vscode.postMessage({ type: 'video', event, duration: Number.isFinite(video.duration) ? video.duration : 0 });
  });
}
