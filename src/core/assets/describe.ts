/**
 * What the explorer says about an asset, as plain text: the adapter puts these strings into tree
 * items, tooltips (with `appendText`, so names are never markup), completion items and hovers.
 */
import * as l10n from '@vscode/l10n';
import { MetaStudioApiError } from '../cloud/errors';
import type { DigitalAssetInfo, VoiceCapability } from '../cloud/types';
import { errorMessage } from '../errors';
import { displayText } from '../text/displayText';
import { languageName, sexLabel } from './filters';
import { typeLabel } from './groups';

export interface DetailRow {
  readonly label: string;
  readonly value: string;
}

const capabilityLabels: Record<keyof VoiceCapability, () => string> = {
  is_support_break_time: () => l10n.t('break time'),
  is_support_break_strength: () => l10n.t('break strength'),
  is_support_phoneme: () => l10n.t('pinyin phonemes'),
  is_support_phoneme_en: () => l10n.t('English phonemes'),
  is_support_speed: () => l10n.t('speed'),
  is_support_prosody: () => l10n.t('prosody'),
  is_support_ssml_say_as: () => l10n.t('say-as'),
  is_support_ssml_sub: () => l10n.t('sub'),
  is_support_word: () => l10n.t('continuous reading'),
};

export function isActive(asset: DigitalAssetInfo): boolean {
  return asset.asset_state === undefined || asset.asset_state === 'ACTIVED';
}

export function voiceMeta(asset: DigitalAssetInfo) {
  return asset.asset_type === 'VOICE_MODEL' ? asset.asset_extra_meta?.voice_model_meta : undefined;
}

/**
 * The provider of a third-party voice (one with `external_voice_meta`, "Third-party TTS timbre
 * metadata"), whose previews are billed ("third-party timbre preview is charged", reference 9.1), as
 * displayText shows it.
 */
export function billingProvider(asset: DigitalAssetInfo): string | undefined {
  const provider = voiceMeta(asset)?.external_voice_meta?.provider;
  return provider ? displayText(provider) : undefined;
}

/** A voice's capabilities that are on, e.g. "break time, prosody". */
export function capabilityList(capability: VoiceCapability | undefined): string {
  if (!capability) return '';
  return (Object.keys(capabilityLabels) as (keyof VoiceCapability)[])
    .filter((key) => capability[key] === true).map((key) => capabilityLabels[key]()).join(', ');
}

/** What an asset is called where it is shown: its name, else its ID. */
export function assetName(asset: Pick<DigitalAssetInfo, 'asset_name' | 'asset_id'>): string {
  return displayText(asset.asset_name || asset.asset_id);
}

/**
 * An asset's state in words ("inactive", "being created", "failed review"…), for trees and screen
 * readers; a state this list does not know is shown as its code.
 */
export function assetStateText(asset: DigitalAssetInfo): string {
  switch (asset.asset_state) {
    case undefined:
    case 'ACTIVED': return l10n.t('active');
    case 'CREATING': return l10n.t('being created');
    case 'FAILED': return asset.fail_type?.endsWith('_REVIEW_REJECT') ? l10n.t('failed review') : l10n.t('failed to upload');
    case 'UNACTIVED': return l10n.t('inactive');
    case 'DELETING': return l10n.t('being deleted');
    case 'DELETED': return l10n.t('deleted');
    case 'BLOCK': return l10n.t('blocked');
    case 'WAITING_DELETE': return l10n.t('about to be withdrawn');
    default: return displayText(asset.asset_state);
  }
}

/** One short line: the state in words when not ACTIVED, else what matters for the type (voice: language · sex · real-time). */
export function assetSummary(asset: DigitalAssetInfo): string {
  if (!isActive(asset)) return assetStateText(asset);
  const voice = voiceMeta(asset);
  if (voice) {
    return displayText([voice.language && languageName(voice.language), voice.sex && sexLabel(voice.sex), voice.is_realtime_voice === false ? l10n.t('not real-time') : l10n.t('real-time')]
      .filter((part): part is string => !!part).join(' · '));
  }
  return '';
}

/** Name, ID, type, state, tags, voice details and times, as label/value rows (values as displayText shows them). */
export function assetDetailRows(asset: DigitalAssetInfo): DetailRow[] {
  return detailRows(asset).map((row) => ({ label: row.label, value: displayText(row.value) }));
}

function detailRows(asset: DigitalAssetInfo): DetailRow[] {
  const rows: DetailRow[] = [
    { label: l10n.t('Name'), value: asset.asset_name },
    { label: l10n.t('ID'), value: asset.asset_id },
    { label: l10n.t('Type'), value: `${typeLabel(asset.asset_type)} (${asset.asset_type})` },
    { label: l10n.t('State'), value: asset.asset_state ? `${assetStateText(asset)} (${asset.asset_state})` : l10n.t('unknown') },
  ];
  if (asset.reason) rows.push({ label: l10n.t('Reason'), value: asset.reason });
  if (asset.tags?.length) rows.push({ label: l10n.t('Tags'), value: asset.tags.join(', ') });
  const voice = voiceMeta(asset);
  if (voice) {
    if (voice.language) rows.push({ label: l10n.t('Language'), value: `${languageName(voice.language)} (${voice.language})` });
    if (voice.sex) rows.push({ label: l10n.t('Sex'), value: sexLabel(voice.sex) });
    rows.push({ label: l10n.t('Real-time'), value: voice.is_realtime_voice === false ? l10n.t('no (video production only)') : l10n.t('yes') });
    rows.push({ label: l10n.t('Capabilities'), value: capabilityList(voice.voice_capability) || l10n.t('none') });
  }
  if (asset.create_time) rows.push({ label: l10n.t('Created'), value: asset.create_time });
  if (asset.update_time) rows.push({ label: l10n.t('Updated'), value: asset.update_time });
  return rows;
}

/** "<code> <message>" of a failed call, for an error node; the full message (request id too) goes to the log. */
export function failureText(error: unknown): string {
  if (error instanceof MetaStudioApiError) {
    return displayText([error.code ?? `HTTP ${error.status}`, error.errorMsg].filter(Boolean).join(' '));
  }
  return errorMessage(error);
}
