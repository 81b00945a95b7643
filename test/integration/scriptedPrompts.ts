/**
 * The integration tests' stand-in for the extension's prompts (a dialog cannot be answered from
 * the extension host): answers given by question id, and a record of every question asked.
 */
import type * as vscode from 'vscode';
import type { ConfirmRequest, InputRequest, OpenRequest, PickRequest, Prompts, SaveRequest } from '../../src/prompts';

/**
 * By question id: the text typed (input), the value picked or a test of the values offered (pick),
 * the key of the button pressed (confirm), the file chosen (saveAs), the files chosen (open). `undefined` dismisses the
 * question (Escape); a question without an answer fails. `inTurn(...)` answers a question asked
 * several times, one answer each time; asked once more, it fails.
 */
export type Answers = Record<string, unknown>;

class InTurn {
  constructor(readonly answers: unknown[]) {}
}

export const inTurn = (...answers: unknown[]): unknown => new InTurn(answers);

export interface AskedQuestion {
  readonly id: string;
  /** The message and detail of a confirmation; the values a pick offered; the path a save dialog proposed. */
  readonly shown?: unknown;
  /** Why an input box would not take the answer (the test's answer was then dismissed). */
  readonly refused?: string;
  /** What a pick showed in its input field. */
  readonly placeHolder?: string;
}

export class ScriptedPrompts implements Prompts {
  readonly asked: AskedQuestion[] = [];

  constructor(private readonly answers: Answers) {}

  private answer(id: string): unknown {
    if (!(id in this.answers)) throw new Error(`test prompts: no answer for "${id}"`);
    const answer = this.answers[id];
    if (!(answer instanceof InTurn)) return answer;
    if (answer.answers.length === 0) throw new Error(`test prompts: "${id}" was asked more often than answered`);
    return answer.answers.shift();
  }

  async input(request: InputRequest): Promise<string | undefined> {
    const answer = this.answer(request.id);
    if (answer !== undefined && typeof answer !== 'string') throw new Error(`test prompts: "${request.id}" takes a string`);
    const invalid = answer === undefined ? undefined : await request.validateInput?.(answer);
    const refused = typeof invalid === 'string' ? invalid : invalid?.message;
    this.asked.push({ id: request.id, ...(refused ? { refused } : {}) });
    return refused ? undefined : answer;
  }

  async pick<T>(request: PickRequest<T>): Promise<T | undefined> {
    const answer = this.answer(request.id);
    const values = (await request.items).map((item) => item.value);
    this.asked.push({ id: request.id, shown: values, ...(request.placeHolder ? { placeHolder: request.placeHolder } : {}) });
    if (answer === undefined) return undefined;
    const matches = typeof answer === 'function' ? (answer as (value: T) => boolean) : (value: T) => value === answer;
    const picked = values.find(matches);
    if (picked === undefined) throw new Error(`test prompts: "${request.id}" offers no such item (${JSON.stringify(values)})`);
    return picked;
  }

  async confirm<K extends string>(request: ConfirmRequest<K>): Promise<K | undefined> {
    const answer = this.answer(request.id);
    this.asked.push({ id: request.id, shown: { message: request.message, detail: request.detail } });
    if (answer === undefined) return undefined;
    if (typeof answer !== 'string' || !(answer in request.choices)) throw new Error(`test prompts: "${request.id}" has no button "${String(answer)}"`);
    return answer as K;
  }

  async saveAs(request: SaveRequest): Promise<vscode.Uri | undefined> {
    const answer = this.answer(request.id) as vscode.Uri | undefined;
    this.asked.push({ id: request.id, ...(request.defaultUri ? { shown: request.defaultUri.path } : {}) });
    return answer;
  }

  async open(request: OpenRequest): Promise<vscode.Uri[] | undefined> {
    const answer = this.answer(request.id);
    if (answer !== undefined && !Array.isArray(answer)) throw new Error(`test prompts: "${request.id}" takes a list of files`);
    this.asked.push({ id: request.id, shown: { filters: request.filters, canSelectMany: request.canSelectMany } });
    return answer as vscode.Uri[] | undefined;
  }
}
