/**
 * The walkthrough "Get started with MetaStudio": six steps, each with its image and completion
 * events that happen. VS Code has no API to read a step's state, so each event is checked at its
 * source: an `onCommand:` step names a registered command (VS Code completes the step when the
 * command runs), an `onContext:` step a context key the step's action sets. The e2e suite sees the
 * steps complete in the browser.
 */
import * as assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { extensionId, testingApi, waitFor } from './util';

interface Step {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly media: { readonly svg?: string; readonly image?: string; readonly markdown?: string; readonly altText?: string };
  readonly completionEvents: readonly string[];
}

const extension = () => vscode.extensions.getExtension(extensionId)!;
const steps = (): Step[] => extension().packageJSON.contributes.walkthroughs[0].steps;
const events = (kind: 'onCommand' | 'onContext') => steps().flatMap((s) => s.completionEvents.filter((e) => e.startsWith(`${kind}:`)).map((e) => ({ step: s.id, name: e.slice(kind.length + 1) })));

describe('walkthrough', () => {
  before(() => testingApi());

  it('has the six steps, each with a small image, an alt text and a completion event', () => {
    const walkthrough = extension().packageJSON.contributes.walkthroughs[0];
    assert.equal(walkthrough.title, 'Get started with MetaStudio');
    assert.deepEqual(steps().map((s) => s.id), ['connect', 'newVideoScript', 'quickFix', 'previewVoice', 'videoJob', 'liveScript']);
    for (const step of steps()) {
      const media = step.media.svg ?? step.media.image ?? step.media.markdown;
      assert.ok(media, `${step.id} has media`);
      const size = statSync(join(extension().extensionPath, media)).size;
      assert.ok(size > 0 && size < 20_000, `${media}: ${size} bytes`);
      assert.ok(step.media.markdown || step.media.altText?.trim(), `${step.id} has an alt text`);
      assert.ok(step.completionEvents.length > 0, `${step.id} can be completed`);
    }
    // Every context key a step waits for is checked below.
    assert.deepEqual([...new Set(events('onContext').map((e) => e.step))].sort(), ['connect', 'quickFix']);
  });

  it('completes its command steps with registered commands, and its buttons run registered commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const commands = events('onCommand');
    assert.ok(commands.length >= 5);
    for (const { step, name } of commands) assert.ok(registered.has(name), `${step}: ${name} is registered`);
    for (const step of steps()) {
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(registered.has(command), `${step.id}: its button runs ${command}`);
    }
  });

  it('completes "Try the sandbox or sign in" once a connection is active: the extension sets its context key', async () => {
    const keys = events('onContext').filter((e) => e.step === 'connect').map((e) => e.name);
    assert.deepEqual(keys, ['metastudio.signedIn']);
    // The runner's environment connection is active: the extension has said so.
    assert.equal((await testingApi()).testing.contextKeys().get('metastudio.signedIn'), true);
  });

  it('completes "Fix a problem with a quick fix" when one of our quick fixes is applied', async () => {
    const [key] = events('onContext').filter((e) => e.step === 'quickFix').map((e) => e.name);
    assert.ok(key);
    const document = await vscode.workspace.openTextDocument({ language: 'metastudio-ssml', content: '<speake>你好</speak>\n' });
    await vscode.window.showTextDocument(document);
    const typo = await waitFor(() => vscode.languages.getDiagnostics(document.uri).find((d) => d.code === 'ssml/speak-typo'), 15_000, 'the speake diagnostic');
    // Only the extension offers quick fixes in MetaStudio SSML.
    const ours = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, typo.range))
      .filter((a) => a.edit);
    const fix = ours.find((a) => /speak\b/.test(a.title));
    assert.ok(fix, `a rename-to-speak fix among ${ours.map((a) => a.title).join(', ')}`);
    // Each sets the step's key when VS Code runs it after applying its edit, as the light bulb does
    // (the extension host hands `setContext` to the window as its internal `_setContext`).
    for (const action of ours) {
      assert.match(action.command?.command ?? '', /^_?setContext$/, action.title);
      assert.deepEqual(action.command?.arguments, [key, true], action.title);
    }
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await vscode.commands.executeCommand(fix.command!.command, ...fix.command!.arguments!);
    await waitFor(() => !vscode.languages.getDiagnostics(document.uri).some((d) => d.code === 'ssml/speak-typo'), 15_000, 'the typo fixed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
