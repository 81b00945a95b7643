/** The sandbox's request specs know every field of the SDK's request models, as the SDK types them. */
import assert from 'node:assert/strict';
import { assetCreate, fileConfirm, fileCreate, liveCommand, liveEventReport, liveJobStart, liveRoom, ruleGroup, ttsAudition, videoJobCreate, videoScript } from '../../../src/sandbox/specs';
import type { Spec } from '../../../src/sandbox/validate';
import { sdkWire, type FieldTable, type OperationName } from '../../support/sdkWire';

interface SpecField {
  readonly type: Spec['type'];
  readonly required: boolean;
  readonly enum?: readonly string[];
}

function specFields(spec: Spec, path = '', into = new Map<string, SpecField>()): Map<string, SpecField> {
  if (path) into.set(path, { type: spec.type, required: spec.required ?? false, enum: spec.type === 'string' ? spec.enum : undefined });
  if (spec.type === 'object') for (const [name, child] of Object.entries(spec.props)) specFields(child, path ? `${path}.${name}` : name, into);
  if (spec.type === 'array') specFields(spec.items, `${path}[]`, into);
  return into;
}

/** Fields and enum values the reference has and the SDK's models do not state, kept by the sandbox. */
const REFERENCE_ONLY_FIELDS = new Set(['backup_mode_l_asset_ids', 'backup_mode_l_asset_ids[]']);
const REFERENCE_ENUMS = /(^|\.)font_name$/;

function mismatches(spec: Spec, table: FieldTable): string[] {
  const fields = specFields(spec);
  const problems: string[] = [];
  for (const [path, sdk] of Object.entries(table)) {
    const mine = fields.get(path);
    if (!mine) {
      problems.push(`${path}: missing`);
      continue;
    }
    if (mine.type !== sdk.type) problems.push(`${path}: ${mine.type}, the SDK says ${sdk.type}`);
    if (mine.required !== (sdk.required ?? false)) problems.push(`${path}: required ${mine.required}, the SDK says ${sdk.required ?? false}`);
    const missingValues = (sdk.enum ?? []).filter((v) => !mine.enum?.includes(v));
    if (mine.enum && missingValues.length) problems.push(`${path}: refuses ${missingValues.join(', ')}`);
    if (mine.enum && !sdk.enum && !REFERENCE_ENUMS.test(path)) problems.push(`${path}: an enum the SDK does not have`);
    const extra = mine.enum?.filter((v) => sdk.enum && !sdk.enum.includes(v)) ?? [];
    if (extra.length) problems.push(`${path}: takes ${extra.join(', ')}, which the SDK does not list`);
  }
  for (const path of fields.keys()) {
    if (!(path in table) && !REFERENCE_ONLY_FIELDS.has(path)) problems.push(`${path}: not a field of the SDK's model`);
  }
  return problems;
}

describe(`sandbox request specs against ${sdkWire.sdk}`, () => {
  const cases: [string, Spec, OperationName][] = [
    ['video script create', videoScript, 'CreateVideoScripts'],
    ['video script update', videoScript, 'UpdateVideoScript'],
    ['video job create', videoJobCreate, 'Create2DDigitalHumanVideo'],
    ['live room create', liveRoom, 'CreateSmartLiveRoom'],
    ['live room update', liveRoom, 'UpdateSmartLiveRoom'],
    ['TTS audition', ttsAudition, 'CreateTtsAudition'],
    ['file create', fileCreate, 'CreateFile'],
    ['live job start', liveJobStart, 'StartSmartLive'],
    ['live command', liveCommand, 'ExecuteSmartLiveCommand'],
    ['live event report', liveEventReport, 'LiveEventReport'],
    ['rule library create', ruleGroup, 'CreateInteractionRuleGroup'],
    ['rule library update', ruleGroup, 'UpdateInteractionRuleGroup'],
  ];
  for (const [name, spec, operation] of cases) {
    it(`${name}: every field of ${sdkWire.operations[operation].requestModel}, its type, mandatory or not, and every enum value`, () => {
      const table = sdkWire.operations[operation].request;
      assert.ok(table && Object.keys(table).length > 3);
      assert.deepEqual(mismatches(spec, table), []);
    });
  }

  it('file confirmation: the state, mandatory, with the SDK\'s three values', () => {
    assert.deepEqual(mismatches(fileConfirm, sdkWire.operations.ConfirmFileUpload.request!), []);
  });

  it(`asset create: every field of ${sdkWire.operations.CreateDigitalAsset.requestModel} but the metadata's, taken unchecked`, () => {
    const table = Object.fromEntries(Object.entries(sdkWire.operations.CreateDigitalAsset.request!).filter(([path]) => !path.startsWith('asset_extra_meta.')));
    assert.deepEqual(mismatches(assetCreate, table), []);
  });

  it('notices a field the SDK has and the spec lacks', () => {
    const table = sdkWire.operations.CreateTtsAudition.request!;
    assert.deepEqual(mismatches(ttsAudition, { ...table, pitch_shift: { type: 'integer' } }), ['pitch_shift: missing']);
  });
});
