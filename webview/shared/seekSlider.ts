/**
 * A player's Position slider over its `<audio>` or `<video>`: a second per arrow and ten per page
 * (the browser's own step would be a hundredth of the range), its value said in words
 * (`aria-valuetext`: "2 seconds of 10 seconds"), and the clock next to it.
 */
import type { MediaStrings } from '../../src/webviews/page';
import { clock, positionWords, seekTarget } from './words';

/** Wires the slider to the media; returns what shows the media's time on the slider and the clock. */
export function bindSeekSlider(seek: HTMLInputElement, time: HTMLElement, media: HTMLMediaElement, strings: MediaStrings): () => void {
  const show = () => {
    const duration = Number.isFinite(media.duration) ? media.duration : 0;
    seek.max = String(duration);
    seek.value = String(Math.floor(media.currentTime));
    const words = positionWords(media.currentTime, duration, strings);
    if (seek.getAttribute('aria-valuetext') !== words) seek.setAttribute('aria-valuetext', words);
    time.textContent = `${clock(media.currentTime)} / ${clock(duration)}`;
  };
  seek.addEventListener('input', () => { media.currentTime = Number(seek.value); });
  seek.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = seekTarget(event.key, media.currentTime, media.duration);
    if (target === undefined) return;
    event.preventDefault();
    media.currentTime = target;
    show();
  });
  media.addEventListener('timeupdate', show);
  media.addEventListener('durationchange', show);
  return show;
}
