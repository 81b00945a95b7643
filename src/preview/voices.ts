/**
 * A voice as far as a preview needs it: the name for the quick pick and the player, the provider
 * that bills third-party voices, and the language of its sample sentence.
 */
import * as vscode from 'vscode';
import type { AssetCatalog } from '../core/assets/catalog';
import { assetName, assetSummary, billingProvider, isActive, voiceMeta } from '../core/assets/describe';
import type { DigitalAssetInfo } from '../core/cloud/types';
import type { VoiceOption } from './messages';

export interface VoiceInfo extends VoiceOption {
  readonly language?: string;
  /** Language, sex and whether it speaks in real time, in words (e.g. "Chinese (Mandarin) · female · real-time"). */
  readonly summary?: string;
}

export function voiceInfo(asset: DigitalAssetInfo): VoiceInfo {
  const meta = voiceMeta(asset);
  const provider = billingProvider(asset);
  return {
    id: asset.asset_id,
    name: assetName(asset),
    ...(provider ? { provider } : {}),
    ...(meta?.language ? { language: meta.language } : {}),
    ...(meta ? { summary: assetSummary(asset) } : {}),
  };
}

/** Active voices of every source, by name (from the shared asset catalog). */
export async function listVoices(assets: AssetCatalog): Promise<VoiceInfo[]> {
  return (await assets.list('voices'))
    .filter((a) => a.asset_type === 'VOICE_MODEL' && isActive(a))
    .map(voiceInfo)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One voice; its ID alone when the catalog cannot tell more (the API will say what is wrong). */
export async function findVoice(assets: AssetCatalog, voiceAssetId: string): Promise<VoiceInfo> {
  const lookup = await assets.get(voiceAssetId);
  return lookup?.state === 'found' ? voiceInfo(lookup.asset) : { id: voiceAssetId, name: voiceAssetId };
}

const CHINESE_LANGUAGES = new Set(['CN', 'DBH', 'GT', 'GXH', 'HBH', 'SXH', 'SCH', 'YY']);

/** What a voice without a SAMPLE file says in its preview, in its language. */
export function sampleSentence(voice: Pick<VoiceInfo, 'language' | 'name'>): string {
  return CHINESE_LANGUAGES.has(voice.language ?? '')
    ? `大家好，我是${voice.name}。欢迎使用 MetaStudio 语音预览。`
    : vscode.l10n.t('Hello, I am {0}. This is a MetaStudio voice preview.', voice.name);
}
