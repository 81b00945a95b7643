/**
 * The player page: strict CSP, one nonce'd script and one style sheet from dist/webview/, and
 * localized words. Its controls are the browser's own elements (labels, ranges, descriptions and
 * live regions work across them, which they do not across a web component's shadow root); the style
 * sheet (webview/preview/player.css) colours them from the theme. docs/accessibility.md says why.
 */
import * as vscode from 'vscode';
import { VOICE_SETTINGS, type VoiceSettingName } from '../core/voiceSettings';
import { escapeHtml, mediaStrings, pageHtml } from '../webviews/page';
import type { PlayerStrings } from './messages';

export function playerStrings(): PlayerStrings {
  return {
    ...mediaStrings(),
    part: vscode.l10n.t('Part {0} of {1}'),
    fromCache: vscode.l10n.t('from cache'),
    sample: vscode.l10n.t('voice sample'),
    current: vscode.l10n.t('in the player'),
    replay: vscode.l10n.t('Play preview {0}: {1}'),
    settings: vscode.l10n.t('speed {0}, pitch {1}, volume {2}'),
    cannotPlay: vscode.l10n.t('This audio cannot be played here.'),
    readyPlaying: vscode.l10n.t('Preview {0} is ready and playing.'),
    readyPressPlay: vscode.l10n.t('Preview {0} is ready: press Play to listen.'),
    synthesizing: vscode.l10n.t('Synthesizing…'),
    stale: vscode.l10n.t('Settings changed: synthesize to hear them'),
    failed: vscode.l10n.t('Synthesis failed: {0}'),
    speed: vscode.l10n.t('Speed'),
    pitch: vscode.l10n.t('Pitch'),
    volume: vscode.l10n.t('Volume'),
    outOfRange: vscode.l10n.t('{0} must be a whole number from {1} to {2}.'),
    correctToSynthesize: vscode.l10n.t('To synthesize, correct: {0}.'),
    chooseVoice: vscode.l10n.t('To synthesize, choose a voice.'),
  };
}

/** `folder` holds the bundled preview.js and preview.css (dist/webview). */
export function playerHtml(webview: vscode.Webview, folder: vscode.Uri): string {
  const strings = playerStrings();
  const rates = ['0.5', '0.75', '1', '1.25', '1.5', '2'].map((r) => `<option value="${r}">${r}×</option>`).join('');
  const field = (id: VoiceSettingName) => `<label class="field">${escapeHtml(strings[id])}
        <input id="${id}" type="number" min="${VOICE_SETTINGS[id].min}" max="${VOICE_SETTINGS[id].max}" step="1" required aria-describedby="${id}-error"></label>`;
  return pageHtml(webview, {
    folder, bundle: 'preview', title: vscode.l10n.t('Voice Preview'), strings, sources: { fonts: true, media: true },
    main: `  <h1>${escapeHtml(vscode.l10n.t('Voice Preview'))}</h1>
  <p id="empty">${escapeHtml(vscode.l10n.t('Run "MetaStudio: Preview Voice" on a text, a script shot or an SSML file to hear it here.'))}</p>
  <section id="player" hidden>
    <div class="row">
      <button id="play" type="button">${escapeHtml(strings.play)}</button>
      <input type="range" id="seek" min="0" max="0" step="1" value="0" aria-label="${escapeHtml(vscode.l10n.t('Position'))}">
      <span id="time">0:00 / 0:00</span>
      <span id="part"></span>
      <select id="rate" aria-label="${escapeHtml(vscode.l10n.t('Playback speed'))}" title="${escapeHtml(vscode.l10n.t('Playback speed (the player\'s own, no new synthesis)'))}">${rates}</select>
    </div>
    <audio id="audio" preload="auto"></audio>
    <pre id="text" tabindex="0" role="region" aria-label="${escapeHtml(vscode.l10n.t('Spoken text'))}"></pre>
    <h2>${escapeHtml(vscode.l10n.t('Voice'))}</h2>
    <div class="row">
      <select id="voice" aria-label="${escapeHtml(vscode.l10n.t('Voice'))}"></select>
      ${field('speed')}
      ${field('pitch')}
      ${field('volume')}
    </div>
    <div id="errors" aria-live="polite">
      <p id="speed-error" class="error"></p>
      <p id="pitch-error" class="error"></p>
      <p id="volume-error" class="error"></p>
    </div>
    <div class="row">
      <button id="synthesize" type="button" aria-describedby="synthesize-why">${escapeHtml(vscode.l10n.t('Synthesize'))}</button>
      <span id="synthesize-why" class="why"></span>
      <span id="stale" class="badge" role="status"></span>
      <button id="save" class="secondary" type="button">${escapeHtml(vscode.l10n.t('Save Audio As…'))}</button>
    </div>
    <p id="status" role="status"></p>
    <hr>
    <h2>${escapeHtml(vscode.l10n.t('This session'))}</h2>
    <ul id="history"></ul>
  </section>`,
  });
}
