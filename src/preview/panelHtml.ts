/**
 * The player page: strict CSP, one nonce'd script from dist/, and localized words. The toolkit
 * (FAST) reads the nonce from the `csp-nonce` meta for the one style element it adds.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { VOICE_SETTINGS, type VoiceSettingName } from '../core/voiceSettings';
import type { PlayerStrings } from './messages';


function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function playerStrings(): PlayerStrings {
  return {
    play: vscode.l10n.t('Play'),
    pause: vscode.l10n.t('Pause'),
    part: vscode.l10n.t('Part {0} of {1}'),
    fromCache: vscode.l10n.t('from cache'),
    sample: vscode.l10n.t('voice sample'),
    replay: vscode.l10n.t('Play this preview'),
    cannotPlay: vscode.l10n.t('This audio cannot be played here.'),
    pressPlay: vscode.l10n.t('Press Play to listen.'),
    synthesizing: vscode.l10n.t('Synthesizing…'),
    outOfRange: vscode.l10n.t('A whole number from {0} to {1}'),
  };
}

const STYLE = `
  body { padding: 0 16px 16px; color: var(--vscode-foreground); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  h2 { font-size: 1.1em; font-weight: 600; margin: 16px 0 8px; }
  .row { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin: 8px 0; }
  #seek { flex: 1; min-width: 120px; accent-color: var(--vscode-button-background); }
  #seek:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
  #time, .meta, #part, #status { color: var(--vscode-descriptionForeground); font-variant-numeric: tabular-nums; }
  #text { white-space: pre-wrap; word-break: break-word; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size);
    background: var(--vscode-textCodeBlock-background); padding: 8px; border-radius: 2px; max-height: 30vh; overflow: auto; }
  vscode-text-field { width: 7em; }
  vscode-text-field.invalid { --focus-border: var(--vscode-inputValidation-errorBorder); outline: 1px solid var(--vscode-inputValidation-errorBorder); }
  #voice { min-width: 14em; }
  #history { list-style: none; padding: 0; margin: 0; }
  #history li { display: flex; align-items: center; gap: 8px; padding: 2px 4px; border-radius: 2px; }
  #history li.current { background: var(--vscode-list-inactiveSelectionBackground); }
  #history .label { flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .stale { padding: 1px 6px; border-radius: 2px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); font-size: 0.9em; }
  [hidden] { display: none !important; }
`;

export function playerHtml(webview: vscode.Webview, scriptUri: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `media-src ${webview.cspSource}`,
  ].join('; ');
  const rates = ['0.5', '0.75', '1', '1.25', '1.5', '2'].map((r) => `<vscode-option value="${r}">${r}×</vscode-option>`).join('');
  const field = (id: VoiceSettingName, label: string) =>
    `<vscode-text-field id="${id}" type="number" min="${VOICE_SETTINGS[id].min}" max="${VOICE_SETTINGS[id].max}">${escapeHtml(label)}</vscode-text-field>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta property="csp-nonce" content="${nonce}">
<style nonce="${nonce}">${STYLE}</style>
<title>${escapeHtml(vscode.l10n.t('Voice Preview'))}</title>
</head>
<body>
<main id="app" data-strings="${escapeHtml(JSON.stringify(playerStrings()))}">
  <p id="empty">${escapeHtml(vscode.l10n.t('Run "MetaStudio: Preview Voice" on a text, a script shot or an SSML file to hear it here.'))}</p>
  <section id="player" hidden>
    <div class="row">
      <vscode-button id="play" appearance="primary">${escapeHtml(vscode.l10n.t('Play'))}</vscode-button>
      <input type="range" id="seek" min="0" max="0" step="0.01" value="0" aria-label="${escapeHtml(vscode.l10n.t('Position'))}">
      <span id="time">0:00 / 0:00</span>
      <span id="part"></span>
      <vscode-dropdown id="rate" aria-label="${escapeHtml(vscode.l10n.t('Playback speed'))}" title="${escapeHtml(vscode.l10n.t('Playback speed (the player\'s own, no new synthesis)'))}">${rates}</vscode-dropdown>
    </div>
    <audio id="audio" preload="auto"></audio>
    <pre id="text"></pre>
    <h2>${escapeHtml(vscode.l10n.t('Voice'))}</h2>
    <div class="row">
      <vscode-dropdown id="voice" aria-label="${escapeHtml(vscode.l10n.t('Voice'))}"></vscode-dropdown>
      ${field('speed', vscode.l10n.t('Speed'))}
      ${field('pitch', vscode.l10n.t('Pitch'))}
      ${field('volume', vscode.l10n.t('Volume'))}
    </div>
    <div class="row">
      <vscode-button id="synthesize">${escapeHtml(vscode.l10n.t('Synthesize'))}</vscode-button>
      <span id="stale" class="stale" hidden>${escapeHtml(vscode.l10n.t('Settings changed: synthesize to hear them'))}</span>
      <vscode-button id="save" appearance="secondary">${escapeHtml(vscode.l10n.t('Save Audio As…'))}</vscode-button>
      <span id="status" role="status"></span>
    </div>
    <vscode-divider></vscode-divider>
    <h2>${escapeHtml(vscode.l10n.t('This session'))}</h2>
    <ul id="history"></ul>
  </section>
</main>
<script nonce="${nonce}" src="${webview.asWebviewUri(scriptUri).toString()}"></script>
</body>
</html>`;
}
