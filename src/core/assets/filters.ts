/**
 * The explorer's filters: what the user picked (persisted per workspace), the list query each group
 * sends for it, and the one-line summary shown as the view's description.
 */
import * as l10n from '@vscode/l10n';
import type { AssetSource, ListAssetsQuery } from '../cloud/types';
import type { AssetGroup } from './groups';

export type VoiceSex = 'MALE' | 'FEMALE' | 'UNKNOWN';

export interface AssetFilter {
  /** Fuzzy name search (the API's `name`). */
  readonly name?: string;
  /** Default ALL: voices are system assets, and the API would list tenant assets only. */
  readonly source: AssetSource;
  /** Voice filters, applied to the voices group only. */
  readonly language?: string;
  readonly sex?: VoiceSex;
  readonly realtime?: boolean;
}

export const defaultFilter: AssetFilter = { source: 'ALL' };

/** Voice languages of VoiceModelAssetMeta (reference Table 4-9), mixed case as printed. */
export const voiceLanguages: readonly string[] = [
  'CN', 'EN', 'GER', 'fr', 'Kr', 'por', 'JPN', 'Ita', 'ESP', 'DBH', 'GT', 'GXH', 'HBH', 'SXH', 'SCH', 'YY',
  'Russian', 'Filipino', 'Dutch', 'Indonesian', 'Vietnamese', 'Arabic', 'Turkish', 'Malay', 'Thai', 'Finnish',
];

/** A voice language in words ("Chinese (Mandarin)", "English"), matched ignoring case; an unknown code as it is. */
export function languageName(code: string): string {
  switch (code.toUpperCase()) {
    case 'CN': return l10n.t('Chinese (Mandarin)');
    case 'EN': return l10n.t('English');
    case 'GER': return l10n.t('German');
    case 'FR': return l10n.t('French');
    case 'KR': return l10n.t('Korean');
    case 'POR': return l10n.t('Portuguese');
    case 'JPN': return l10n.t('Japanese');
    case 'ITA': return l10n.t('Italian');
    case 'ESP': return l10n.t('Spanish');
    case 'DBH': return l10n.t('Chinese (Northeastern)');
    case 'GT': return l10n.t('Chinese (Hong Kong and Taiwan)');
    case 'GXH': return l10n.t('Chinese (Guangxi)');
    case 'HBH': return l10n.t('Chinese (Hubei)');
    case 'SXH': return l10n.t('Chinese (Shaanxi)');
    case 'SCH': return l10n.t('Chinese (Sichuan)');
    case 'YY': return l10n.t('Cantonese');
    case 'RUSSIAN': return l10n.t('Russian');
    case 'FILIPINO': return l10n.t('Filipino');
    case 'DUTCH': return l10n.t('Dutch');
    case 'INDONESIAN': return l10n.t('Indonesian');
    case 'VIETNAMESE': return l10n.t('Vietnamese');
    case 'ARABIC': return l10n.t('Arabic');
    case 'TURKISH': return l10n.t('Turkish');
    case 'MALAY': return l10n.t('Malay');
    case 'THAI': return l10n.t('Thai');
    case 'FINNISH': return l10n.t('Finnish');
    default: return code;
  }
}

const sources: readonly AssetSource[] = ['ALL', 'SYSTEM', 'CUSTOMIZATION'];
const sexes: readonly VoiceSex[] = ['MALE', 'FEMALE', 'UNKNOWN'];

/** A filter read back from storage: anything malformed falls back to the default, field by field. */
export function parseFilter(value: unknown): AssetFilter {
  if (typeof value !== 'object' || value === null) return defaultFilter;
  const raw = value as Record<string, unknown>;
  const name = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name.trim() : undefined;
  return {
    source: sources.includes(raw.source as AssetSource) ? raw.source as AssetSource : 'ALL',
    ...(name ? { name } : {}),
    ...(typeof raw.language === 'string' && raw.language !== '' ? { language: raw.language } : {}),
    ...(sexes.includes(raw.sex as VoiceSex) ? { sex: raw.sex as VoiceSex } : {}),
    ...(typeof raw.realtime === 'boolean' ? { realtime: raw.realtime } : {}),
  };
}

export function isFiltered(filter: AssetFilter): boolean {
  return filter.source !== 'ALL' || filter.name !== undefined || hasVoiceFilter(filter);
}

export function hasVoiceFilter(filter: AssetFilter): boolean {
  return filter.language !== undefined || filter.sex !== undefined || filter.realtime !== undefined;
}

/** The query of one page of a group under a filter. */
export function groupQuery(group: AssetGroup, filter: AssetFilter, offset: number, limit: number): ListAssetsQuery {
  const query: ListAssetsQuery = { asset_type: group.types.join(','), asset_source: filter.source, offset, limit };
  if (filter.name) query.name = filter.name;
  if (group.id === 'voices') {
    if (filter.language) query.language = filter.language;
    if (filter.sex) query.sex = filter.sex;
    if (filter.realtime !== undefined) query.is_realtime_voice = filter.realtime;
  }
  return query;
}

/** Whether a group under `filter` lists one of the project's own assets (one just uploaded): by its source and name. */
export function listsOwnAsset(filter: AssetFilter, assetName: string): boolean {
  return filter.source !== 'SYSTEM' && (!filter.name || assetName.toLowerCase().includes(filter.name.toLowerCase()));
}

export function sourceLabel(source: AssetSource): string {
  switch (source) {
    case 'ALL': return l10n.t('All sources');
    case 'SYSTEM': return l10n.t('System assets');
    case 'CUSTOMIZATION': return l10n.t('Tenant assets');
  }
}

export function sexLabel(sex: string): string {
  switch (sex) {
    case 'MALE': return l10n.t('male');
    case 'FEMALE': return l10n.t('female');
    case 'UNKNOWN': return l10n.t('neutral');
    default: return sex;
  }
}

/** E.g. `All sources · name "news" · voices: English, female, real-time`. */
export function describeFilter(filter: AssetFilter): string {
  const parts = [sourceLabel(filter.source)];
  if (filter.name) parts.push(l10n.t('name "{0}"', filter.name));
  const voice: string[] = [];
  if (filter.language) voice.push(languageName(filter.language));
  if (filter.sex) voice.push(sexLabel(filter.sex));
  if (filter.realtime !== undefined) voice.push(filter.realtime ? l10n.t('real-time') : l10n.t('not real-time'));
  if (voice.length) parts.push(l10n.t('voices: {0}', voice.join(', ')));
  return parts.join(' · ');
}
