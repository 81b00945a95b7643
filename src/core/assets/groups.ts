/** How the asset library is grouped in the explorer: one group per kind of asset an author puts into scripts. */
import * as l10n from '@vscode/l10n';
import type { AssetType } from '../cloud/types';
import { isUploadableType, type UploadableType } from '../upload/media';

export type AssetGroupId = 'voices' | 'avatars' | 'images' | 'videos' | 'music' | 'audio' | 'animations' | 'others';

export interface AssetGroup {
  readonly id: AssetGroupId;
  /** The `asset_type` values the group lists (sent comma-separated). */
  readonly types: readonly AssetType[];
  /** A codicon id. */
  readonly icon: string;
}

export const assetGroups: readonly AssetGroup[] = [
  { id: 'voices', types: ['VOICE_MODEL'], icon: 'mic' },
  { id: 'avatars', types: ['HUMAN_MODEL_2D'], icon: 'person' },
  { id: 'images', types: ['IMAGE'], icon: 'file-media' },
  { id: 'videos', types: ['VIDEO'], icon: 'device-camera-video' },
  { id: 'music', types: ['MUSIC'], icon: 'music' },
  { id: 'audio', types: ['AUDIO'], icon: 'unmute' },
  { id: 'animations', types: ['ANIMATION'], icon: 'run-all' },
  // Only the types the list's `asset_type` takes, as the SDK documents them (release 3.1.209).
  { id: 'others', types: ['PPT', 'MATERIAL', 'BUSINESS_CARD_TEMPLET'], icon: 'package' },
];

export function assetGroup(id: AssetGroupId): AssetGroup {
  return assetGroups.find((g) => g.id === id)!;
}

export function groupLabel(id: AssetGroupId): string {
  switch (id) {
    case 'voices': return l10n.t('Voices');
    case 'avatars': return l10n.t('2D Avatars');
    case 'images': return l10n.t('Images');
    case 'videos': return l10n.t('Videos');
    case 'music': return l10n.t('Music');
    case 'audio': return l10n.t('Audio');
    case 'animations': return l10n.t('Animations');
    case 'others': return l10n.t('Others');
  }
}

/** The asset type files dropped on (or uploaded to) the group become, for the groups that take uploads. */
export function uploadTypeOf(group: AssetGroup): UploadableType | undefined {
  return group.types.find(isUploadableType);
}

/** The group an asset type is listed in; unknown (newer) types go to "others". */
export function groupOfType(type: string): AssetGroup {
  return assetGroups.find((g) => (g.types as readonly string[]).includes(type)) ?? assetGroup('others');
}

/** A readable name of an asset type, e.g. "voice" for VOICE_MODEL; the raw type when not ours. */
export function typeLabel(type: string): string {
  switch (type) {
    case 'VOICE_MODEL': return l10n.t('voice');
    case 'HUMAN_MODEL_2D': return l10n.t('2D avatar');
    case 'HUMAN_MODEL': return l10n.t('3D avatar');
    case 'IMAGE': return l10n.t('image');
    case 'VIDEO': return l10n.t('video');
    case 'MUSIC': return l10n.t('music');
    case 'AUDIO': return l10n.t('audio');
    case 'ANIMATION': return l10n.t('animation');
    case 'SCENE': return l10n.t('3D scene');
    default: return type;
  }
}
