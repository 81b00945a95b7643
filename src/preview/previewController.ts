/**
 * "Preview Voice" from start to end: what to speak, which voice, the SSML check, the billing
 * question for third-party voices, then the preview flow of the core under a cancellable progress
 * notification, and the player.
 */
import * as vscode from 'vscode';
import type { MetaStudioClient } from '../core/cloud/client';
import { CancelledError, errorMessage, ExpectedError, isCancellation } from '../core/errors';
import { resolveRequest } from '../core/preview/previewKey';
import type { PreviewProgress, PreviewResult, Previewer } from '../core/preview/previewer';
import { lintSsml } from '../core/ssml/lint';
import { withCancellableProgress } from '../commands/progress';
import { log } from '../logging/log';
import type { Services } from '../services';
import type { VoiceSettings } from './messages';
import type { PreviewPanel, SessionEntry } from './previewPanel';
import { askText, confirmBilling, pickVoice, previewDespiteErrors } from './prompts';
import { resolveTarget, type TextTarget } from './targets';
import { findVoice, listVoices, sampleSentence, type VoiceInfo } from './voices';

const LAST_VOICE_KEY = 'metastudio.preview.lastVoice';
export const BILLING_CONFIRMED_KEY = 'metastudio.preview.billingConfirmed';

/** What the command returns (for other code and the tests). */
export interface PreviewOutcome {
  readonly key: string;
  readonly files: readonly string[];
  readonly fromCache: boolean;
  readonly jobId?: string;
  readonly entryId: string;
}

export class PreviewController {
  /** Third-party voices whose billing the user accepted in this session. */
  readonly billingAccepted = new Set<string>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly services: Omit<Services, 'analyses' | 'previews'>,
    private readonly previewer: Previewer,
    private readonly panel: PreviewPanel,
  ) {}

  /** The command: `arg` is what a menu, CodeLens, tree or caller passed (see targets.ts). */
  async run(arg: unknown): Promise<PreviewOutcome | undefined> {
    let target = await resolveTarget(this.services, arg);
    if (!target) {
      const text = await askText(this.services.prompts);
      if (!text?.trim()) return undefined;
      target = { kind: 'text', text };
    }
    const client = await this.services.connections.client();
    if (target.kind === 'sample') {
      const voiceAssetId = target.voiceAssetId;
      const sample = await withCancellableProgress(vscode.l10n.t('Voice sample'), (report, signal) =>
        this.previewer.sample(client, voiceAssetId, (s) => client.getAsset(voiceAssetId, { signal: s }), { signal, onProgress: (p) => report(progressMessage(p)) }));
      const voice = sample ? undefined : await findVoice(this.services.assets, voiceAssetId);
      if (sample) {
        // The label of a sample is its voice's name.
        return this.show(sample, { text: vscode.l10n.t('(the voice\'s own sample recording)'), voiceName: sample.label.text, settings: resolveRequest({ text: '', voiceAssetId }), sample: true });
      }
      target = { kind: 'text', text: sampleSentence(voice!), voice: { voiceAssetId } };
    }
    return this.speak(client, target);
  }

  /** The player's Synthesize: the entry's text with the player's settings, through the cache. */
  async resynthesize(entry: SessionEntry, settings: VoiceSettings): Promise<void> {
    this.panel.setBusy(true);
    try {
      const client = await this.services.connections.client();
      const text = entry.sample ? sampleSentence(await findVoice(this.services.assets, entry.settings.voiceAssetId)) : entry.text;
      await this.speak(client, { kind: 'text', text, voice: settings });
      this.panel.setBusy(false);
    } catch (err) {
      if (isCancellation(err)) {
        this.panel.setBusy(false);
        return;
      }
      // The player's status line says it: a notification as well would say it twice.
      if (!this.panel.setBusy(false, errorMessage(err))) throw err;
      log().warn(`preview player: synthesis failed: ${errorMessage(err)}`);
    }
  }

  /**
   * Only a synthesis needs the voice's details (the billing question): a cache hit makes no request.
   * The SSML check needs no voice: what a voice does not support is a warning, and only errors stop.
   */
  /** The client's endpoint and project are the place that keys the cache. */
  private async speak(client: MetaStudioClient, target: TextTarget): Promise<PreviewOutcome | undefined> {
    if (!target.text.trim()) throw new ExpectedError(vscode.l10n.t('There is no text to preview.'));
    let voice = target.voice?.voiceAssetId ? undefined : await this.pickVoice();
    const voiceAssetId = target.voice?.voiceAssetId ?? voice?.id;
    if (!voiceAssetId) return undefined;
    const errors = lintSsml(target.text, { where: 'preview' }).filter((d) => d.severity === 'error');
    if (errors.length > 0 && !await previewDespiteErrors(this.services.prompts, errors, target.where)) {
      log().info(`preview: stopped by ${errors.length} SSML error(s)`);
      return undefined;
    }
    const request = resolveRequest({ text: target.text, voiceAssetId, speed: target.voice?.speed, pitch: target.voice?.pitch, volume: target.voice?.volume });
    const result = await withCancellableProgress(voice ? vscode.l10n.t('Preview with {0}', voice.name) : vscode.l10n.t('Voice preview'), (report, signal) =>
      this.previewer.preview(client, client, request, {
        signal,
        onProgress: (p) => report(progressMessage(p)),
        beforeSynthesis: async () => {
          voice ??= await findVoice(this.services.assets, voiceAssetId);
          await this.confirmBilling(voice);
        },
        describe: () => ({ voiceName: voice?.name }),
      }));
    log().info(`preview ${result.fromCache ? 'from cache' : `synthesized (job ${result.jobId})`}: ${result.files.length} file(s), ${result.bytes} bytes, voice ${voiceAssetId}`);
    const voiceName = voice?.name ?? result.label.voiceName ?? voiceAssetId;
    return this.show(result, { text: target.text, voiceName, settings: request, sample: false });
  }

  private show(result: PreviewResult, what: { text: string; voiceName: string; settings: VoiceSettings; sample: boolean }): PreviewOutcome {
    const entry = this.panel.add({
      text: what.text, voiceName: what.voiceName, sample: what.sample,
      settings: { voiceAssetId: what.settings.voiceAssetId, speed: what.settings.speed, pitch: what.settings.pitch, volume: what.settings.volume },
      files: result.files, fromCache: result.fromCache,
    });
    return { key: result.key, files: result.files, fromCache: result.fromCache, entryId: entry.id, ...(result.jobId ? { jobId: result.jobId } : {}) };
  }

  /** The user's pick of the voices, the last one offered first. */
  private async pickVoice(): Promise<VoiceInfo | undefined> {
    const lastId = this.context.workspaceState.get<string>(LAST_VOICE_KEY);
    const picked = await pickVoice(this.services.prompts, listVoices(this.services.assets), lastId);
    if (picked) await this.context.workspaceState.update(LAST_VOICE_KEY, picked.id);
    return picked;
  }

  /** Third-party voices are billed: ask before the first synthesis with one in a session. */
  private async confirmBilling(voice: VoiceInfo): Promise<void> {
    if (!voice.provider || this.billingAccepted.has(voice.id) || this.context.globalState.get<boolean>(BILLING_CONFIRMED_KEY)) return;
    const answer = await confirmBilling(this.services.prompts, voice);
    if (answer === 'no') throw new CancelledError();
    this.billingAccepted.add(voice.id);
    if (answer === 'always') await this.context.globalState.update(BILLING_CONFIRMED_KEY, true);
  }

}

function progressMessage(p: PreviewProgress): string {
  switch (p.kind) {
    case 'creating': return vscode.l10n.t('sending the text…');
    case 'waiting': return vscode.l10n.t('synthesizing (check {0})…', p.checks);
    case 'downloading': return p.count > 1 ? vscode.l10n.t('downloading file {0} of {1}…', p.index, p.count) : vscode.l10n.t('downloading…');
  }
}
