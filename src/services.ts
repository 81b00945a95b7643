import type * as vscode from 'vscode';
import type { ConnectionService } from './connections/connectionService';
import type { AssetCatalog } from './core/assets/catalog';
import type { PreviewCache } from './core/preview/previewCache';
import type { ScriptDuration } from './core/scripts/durations';
import type { ScriptAnalysis } from './core/scripts/validate';
import type { ScriptKind } from './core/scripts/kinds';
import type { ScriptVoice } from './core/scripts/texts';
import type { Languages } from './languages';
import type { Prompts } from './prompts';

/**
 * What features share, created once in activate() and handed to each feature's register(): a
 * feature reaches another only through these, never by importing from its folder. A feature that
 * provides a service gets the services made before it and returns its own.
 */
export interface Services {
  /** Input boxes, quick picks, confirmations and save dialogs: every question goes through it. */
  readonly prompts: Prompts;
  readonly languages: Languages;
  readonly connections: ConnectionService;
  /**
   * What is known about the active connection's assets, cached: `peek(id)` and
   * `voiceCapability(voiceAssetId)` answer synchronously (fetching in the background),
   * `list('voices')` lists voices, `onDidChange` fires when an answer arrives (re-lint then).
   */
  readonly assets: AssetCatalog;
  readonly push: PushService;
  readonly shots: ShotService;
  readonly analyses: ScriptAnalyses;
  readonly previews: PreviewService;
  readonly durations: DurationService;
}

/** What other features need of push. */
export interface PushService {
  /**
   * The remote ID of the script a document holds: its linked one while the text is what was last
   * pushed, else the one it gets when pushed now (asking what a push asks); undefined when not pushed.
   */
  remoteIdOf(document: vscode.TextDocument): Promise<string | undefined>;
  /** The remote ID a file is linked to on the active connection, without pushing anything. */
  linkedIdOf(uri: vscode.Uri): Promise<string | undefined>;
  /** The workspace file linked to a remote object (`kind` as in the links file, e.g. `live-room`), if any. */
  fileOfRemote(kind: string, id: string): Promise<vscode.Uri | undefined>;
}

/** The latest analysis of each open script, from the linter's one pass (what each shot speaks included). */
export interface ScriptAnalyses {
  /** The analysis of a script document as it is now; undefined for a document that is not a script. */
  get(document: vscode.TextDocument): ScriptAnalysis | undefined;
  /** A document was analysed again. */
  readonly onDidChange: vscode.Event<vscode.TextDocument>;
}

/** The spoken durations the editor shows (docs/duration.md): estimated, or measured by a cached preview. */
export interface DurationService {
  /** The durations of a script document as it is now; undefined for a document that is not a script. */
  of(document: vscode.TextDocument): Promise<ScriptDuration | undefined>;
  /** What is measured may have changed (another connection, a preview made or cleared). */
  readonly onDidChange: vscode.Event<void>;
}

/** What other features read of the previews made. */
export interface PreviewService {
  readonly cache: PreviewCache;
  /** A preview was made or played, or the cache was cleared: what it holds may have changed. */
  readonly onDidChangeCache: vscode.Event<void>;
}

/** What other features need of the shot editors (src/shots). */
export interface ShotService {
  /** The kind of script and the voice of the text a shot editor's document edits; undefined for any other document. */
  shotOf(document: vscode.TextDocument): { readonly kind: ScriptKind; readonly voice?: ScriptVoice } | undefined;
  /** A shot editor's context may have changed (its script changed, or its shot is gone). */
  readonly onDidChange: vscode.Event<void>;
}
