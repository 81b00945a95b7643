/** Warnings about the assets a script refers to, from what the catalog knows (nothing while it does not know yet). */
import * as l10n from '@vscode/l10n';
import type { DigitalAssetInfo } from '../cloud/types';
import type { CoreDiagnostic } from '../diagnostics';
import { DiagnosticCollector } from '../lint/collector';
import type { ScriptKind } from '../scripts/kinds';
import type { AssetCatalog, AssetLookup } from './catalog';
import { assetCodes, type AssetCode } from './codes';
import { assetName, isActive } from './describe';
import { typeLabel } from './groups';
import { assetReferences, fits, type AssetReference } from './references';

export type LookupAsset = (assetId: string) => AssetLookup | undefined;

function diagnostic(code: AssetCode, reference: AssetReference, message: string): CoreDiagnostic {
  return { code, severity: assetCodes[code].severity, message, start: reference.start, end: reference.end };
}

function typeList(types: readonly string[]): string {
  return types.map(typeLabel).join(l10n.t(' or '));
}

function check(reference: AssetReference, asset: DigitalAssetInfo, kind: ScriptKind): CoreDiagnostic[] {
  const found: CoreDiagnostic[] = [];
  const { expectation } = reference;
  if (!fits(expectation, asset.asset_type)) {
    found.push(diagnostic('asset/wrong-type', reference, l10n.t('{0} expects a {1} asset; "{2}" is a {3} asset.',
      expectation.field, typeList(expectation.types), assetName(asset), typeLabel(asset.asset_type))));
  }
  if (!isActive(asset)) {
    found.push(diagnostic('asset/not-active', reference, l10n.t('Asset "{0}" is {1}, not ACTIVED: MetaStudio cannot use it.',
      assetName(asset), asset.asset_state ?? '')));
  }
  // A voice is real-time unless it says otherwise (the reference's default is true).
  if (kind === 'live' && expectation.realtimeVoice && asset.asset_type === 'VOICE_MODEL'
    && asset.asset_extra_meta?.voice_model_meta?.is_realtime_voice === false) {
    found.push(diagnostic('asset/voice-not-realtime', reference, l10n.t('Voice "{0}" is not a real-time voice: livestreams need one (is_realtime_voice).',
      assetName(asset))));
  }
  return found;
}

/**
 * The asset warnings of a script, from cached lookups: a reference not looked up yet (or whose lookup
 * failed) gets none. Capped per code like every lint (see DiagnosticCollector). Never throws.
 */
export function checkAssetReferences(text: string, kind: ScriptKind, lookup: LookupAsset): CoreDiagnostic[] {
  const collector = new DiagnosticCollector();
  for (const reference of assetReferences(text, kind)) {
    const answer = lookup(reference.id);
    if (answer?.state === 'missing') {
      collector.addAll([diagnostic('asset/not-found', reference, l10n.t('No asset "{0}" in this project ({1} expected).',
        reference.id, typeList(reference.expectation.types)))]);
    } else if (answer?.state === 'found') {
      collector.addAll(check(reference, answer.asset, kind));
    }
  }
  return collector.result();
}

/**
 * Looks up every asset a script refers to, then checks them: for batch callers (`metastudio lint
 * --online`) that can wait, where the editor only peeks.
 */
export async function checkAssetReferencesOnline(text: string, kind: ScriptKind, catalog: Pick<AssetCatalog, 'get'>): Promise<CoreDiagnostic[]> {
  const ids = [...new Set(assetReferences(text, kind).map((r) => r.id))];
  const answers = new Map(await Promise.all(ids.map(async (id) => [id, await catalog.get(id)] as const)));
  return checkAssetReferences(text, kind, (id) => answers.get(id));
}
