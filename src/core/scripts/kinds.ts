/**
 * The kinds of script file, one row each (docs/decisions/script-kinds.md): how a file is
 * recognised, its language, schema and template, what it is called, and which remote object it
 * becomes through which API calls. Lint, IntelliSense, push, pull, compare, links, jobs, New
 * Script and the CLI read these facts here; none spells a suffix or asks `kind === 'video'` for them.
 *
 * A new kind (such as the interaction rule library, `*.rules.json`) needs exactly:
 * 1. its schema in schemas/ and its template in templates.ts (lint-clean, and the schema's first
 *    `defaultSnippets` body; test/unit/scripts/schemas.test.ts checks both for every row);
 * 2. its row below, every field required: the remote calls wrap the client's (add any new API to
 *    cloud/client.ts), the response-only fields come from the SDK (scripts/sdk-wire-table.mjs);
 * 3. in package.json, what cannot be computed at run time: the language for `*<suffix>` with a
 *    grammar in syntaxes/ (the SSML injection injects into it), the New command (title in
 *    package.nls.json) and the suffix in every `when` clause that names the script suffixes.
 *    test/unit/foundation/kinds.test.ts lists each entry missing.
 * Checks particular to one kind (rules.ts, texts.ts, assets/references.ts) name it; a kind they do
 * not name gets its schema's checks only.
 */
import * as l10n from '@vscode/l10n';
import rulesSchema from '../../../schemas/interaction-rules.schema.json';
import liveSchema from '../../../schemas/live-script.schema.json';
import videoSchema from '../../../schemas/video-script.schema.json';
import type { CallOptions, MetaStudioClient } from '../cloud/client';
import type { Page } from '../cloud/paging';
import type { InteractionRuleGroupRequest, LiveRoomRequest, ShootScriptAudioFiles, VideoScriptRequest, VideoScriptWriteResponse } from '../cloud/types';
import responseOnlyFields from '../remote/responseOnlyFields.json';
import { VOICE_SETTINGS } from '../voiceSettings';
import { liveScriptTemplate, rulesTemplate, videoScriptTemplate } from './templates';

/** A remote object as a list shows it. */
export interface RemoteSummary {
  readonly id: string;
  readonly name: string;
  readonly updated?: string;
}

/** What a create or an update answered: the object's ID and, for audio-driven scenes, where their audio goes (docs/decisions/uploads.md). */
export interface Written {
  readonly id: string;
  readonly audioUploads?: ShootScriptAudioFiles;
}

/** The remote object a file of a kind becomes, and the client calls on it. Bodies go out as given. */
export interface RemoteObjectKind {
  /** The object's kind as the links file spells it. */
  readonly kind: string;
  /** The body field that names the object, unique per project (docs/decisions/links.md). */
  readonly nameField: string;
  create(client: MetaStudioClient, body: object, options?: CallOptions): Promise<Written>;
  /** The details response. */
  get(client: MetaStudioClient, id: string, options?: CallOptions): Promise<object>;
  update(client: MetaStudioClient, id: string, body: object, options?: CallOptions): Promise<Written>;
  /** Deletes the object: a push that created it does when the audio of its scenes fails. */
  delete(client: MetaStudioClient, id: string, options?: CallOptions): Promise<void>;
  /** One page; `name` filters as loosely as the API does. */
  list(client: MetaStudioClient, query: { name?: string; offset?: number; limit?: number }, options?: CallOptions): Promise<Page<RemoteSummary>>;
  // How a details response maps back to a body (docs/decisions/details-to-body.md), by dotted paths, `[]` for every element.
  /** The fields of a details response that the create request lacks, as the SDK's models have them (scripts/sdk-wire-table.mjs). */
  readonly responseOnly: ReadonlySet<string>;
  /** Printed variant names and the request's (docs/decisions/field-spellings.md); the subtitle switch is the client's to read. */
  readonly variants: Readonly<Record<string, string>>;
  /** The request's documented defaults, which a details response may fill in. */
  readonly defaults: ReadonlyMap<string, unknown>;
  /** Request fields the service fills in (such as upload URLs, which expire): left out where the local body does not have them. */
  readonly serviceFilled: ReadonlySet<string>;
}

export interface ScriptKindRow {
  /** The end of the file name, lower case; names match it ignoring case. */
  readonly suffix: `.${string}.json`;
  /** The VS Code language of these files (docs/decisions/script-languages.md). */
  readonly languageId: string;
  /** The JSON Schema, with its file name in schemas/ (as `$ref`s and editors name it). */
  readonly schema: { readonly file: string; readonly json: { readonly [keyword: string]: unknown } };
  /** "video script": what the remote object is called in messages, lower case. */
  readonly label: () => string;
  /** "Video Script": the same in titles and picks. */
  readonly title: () => string;
  /** New Script: its command, the input box title, the file name offered, what it writes. */
  readonly newFile: { readonly command: string; readonly title: () => string; readonly baseName: string; readonly template: string };
  readonly remote: RemoteObjectKind;
}

const written = ({ script_id: id, audio_files: audioUploads }: VideoScriptWriteResponse): Written => ({ id, audioUploads });

const voiceDefaults = (at: string): [string, unknown][] => Object.entries(VOICE_SETTINGS).map(([name, { default: value }]) => [`${at}.${name}`, value]);
const videoConfigDefaults: [string, unknown][] = [['video_config.clip_mode', 'RESIZE'], ['video_config.is_subtitle_enable', false]];

/** The rows, checked against `ScriptKindRow` without widening their keys: `ScriptKind` is exactly these. */
const rows = {
  video: {
    suffix: '.video.json',
    languageId: 'metastudio-video-script',
    schema: { file: 'video-script.schema.json', json: videoSchema },
    label: () => l10n.t('video script'),
    title: () => l10n.t('Video Script'),
    newFile: { command: 'metastudio.script.newVideo', title: () => l10n.t('New Video Script'), baseName: 'my-video', template: videoScriptTemplate },
    remote: {
      kind: 'video-script',
      nameField: 'script_name',
      create: async (client, body, options) => written(await client.createVideoScript(body as VideoScriptRequest, options)),
      get: (client, id, options) => client.getVideoScript(id, options),
      update: async (client, id, body, options) => written(await client.updateVideoScript(id, body as VideoScriptRequest, options)),
      delete: (client, id, options) => client.deleteVideoScript(id, options),
      list: async (client, { name, offset, limit }, options) => {
        const page = await client.listVideoScripts({ name, offset, limit }, options);
        return { count: page.count, items: page.video_scripts.map((s) => ({ id: s.script_id, name: s.script_name, updated: s.update_time })) };
      },
      responseOnly: new Set(responseOnlyFields.video),
      variants: {},
      defaults: new Map([
        ['view_mode', 'LANDSCAPE'],
        ...voiceDefaults('voice_config'),
        ...videoConfigDefaults,
        ['background_music_config.volume', 100],
        ['shoot_scripts[].shoot_script.script_type', 'TEXT'],
      ]),
      serviceFilled: new Set(['audio_files']),
    },
  },
  live: {
    suffix: '.live.json',
    languageId: 'metastudio-live-script',
    schema: { file: 'live-script.schema.json', json: liveSchema },
    label: () => l10n.t('live room'),
    title: () => l10n.t('Live Room'),
    newFile: { command: 'metastudio.script.newLive', title: () => l10n.t('New Live Script'), baseName: 'my-live', template: liveScriptTemplate },
    remote: {
      kind: 'live-room',
      nameField: 'room_name',
      create: async (client, body, options) => ({ id: (await client.createLiveRoom(body as LiveRoomRequest, options)).room_id }),
      get: (client, id, options) => client.getLiveRoom(id, options),
      update: async (client, id, body, options) => {
        await client.updateLiveRoom(id, body as LiveRoomRequest, options);
        return { id };
      },
      delete: (client, id, options) => client.deleteLiveRoom(id, options),
      list: async (client, { name, offset, limit }, options) => {
        const page = await client.listLiveRooms({ room_name: name, offset, limit }, options);
        return { count: page.count, items: page.smart_live_rooms.map((r) => ({ id: r.room_id, name: r.room_name, updated: r.update_time })) };
      },
      responseOnly: new Set(responseOnlyFields.live),
      variants: { backup_mode_l_asset_ids: 'backup_model_asset_ids' },
      defaults: new Map([
        ['view_mode', 'VERTICAL'],
        ...videoConfigDefaults,
        ...voiceDefaults('scene_scripts[].voice_config'),
        ...voiceDefaults('co_streamer_config.voice_config'),
        ['play_policy.play_mode', 'TEXT'],
        ['interaction_rules[].hit_condition.priority', 500],
      ]),
      serviceFilled: new Set(),
    },
  },
  rules: {
    suffix: '.rules.json',
    languageId: 'metastudio-interaction-rules',
    schema: { file: 'interaction-rules.schema.json', json: rulesSchema },
    label: () => l10n.t('interaction rule library'),
    title: () => l10n.t('Interaction Rule Library'),
    newFile: { command: 'metastudio.script.newRules', title: () => l10n.t('New Interaction Rule Library'), baseName: 'my-rules', template: rulesTemplate },
    remote: {
      kind: 'rule-group',
      nameField: 'group_name',
      create: async (client, body, options) => ({ id: (await client.createRuleGroup(body as InteractionRuleGroupRequest, options)).group_id }),
      get: (client, id, options) => client.getRuleGroup(id, options),
      update: async (client, id, body, options) => {
        await client.updateRuleGroup(id, body as InteractionRuleGroupRequest, options);
        return { id };
      },
      delete: (client, id, options) => client.deleteRuleGroup(id, options),
      list: async (client, { name, offset, limit }, options) => {
        const page = await client.listRuleGroups({ group_name: name, offset, limit }, options);
        return { count: page.count, items: page.interaction_rule_groups.map((g) => ({ id: g.group_id, name: g.group_name, updated: g.update_time })) };
      },
      responseOnly: new Set(responseOnlyFields.rules),
      variants: {},
      defaults: new Map([['interaction_rules[].hit_condition.priority', 500]]),
      serviceFilled: new Set(),
    },
  },
} satisfies Record<string, ScriptKindRow>;

export type ScriptKind = keyof typeof rows;

export const scriptKinds: Readonly<Record<ScriptKind, ScriptKindRow>> = rows;

export interface KindLookups<K extends string> {
  /** Every kind, in table order. */
  readonly kinds: readonly K[];
  /** The kind of a file by the end of its name (ignoring case); undefined for any other file. */
  kindOfFile(path: string): K | undefined;
  kindOfLanguage(languageId: string): K | undefined;
  /** `*.video.json, *.live.json`: the script file patterns, for messages. */
  readonly filePatterns: string;
}

/** The lookups over a table of kinds (the app's are over `scriptKinds`; a test builds them over another). */
export function kindLookups<K extends string>(table: Readonly<Record<K, ScriptKindRow>>): KindLookups<K> {
  const rows = Object.entries<ScriptKindRow>(table) as [K, ScriptKindRow][];
  return {
    kinds: rows.map(([kind]) => kind),
    kindOfFile: (path) => {
      const name = path.toLowerCase();
      return rows.find(([, row]) => name.endsWith(row.suffix))?.[0];
    },
    kindOfLanguage: (languageId) => rows.find(([, row]) => row.languageId === languageId)?.[0],
    filePatterns: rows.map(([, row]) => `*${row.suffix}`).join(', '),
  };
}

export const { kinds: scriptKindNames, kindOfFile, kindOfLanguage, filePatterns: scriptFilePatterns } = kindLookups<ScriptKind>(scriptKinds);
