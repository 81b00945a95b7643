/**
 * The storyboard view: a thumbnail per shot or scene, drawn by the extension (the core's SVG, the
 * layout view's drawing), kept in order and replaced one by one as the extension sends the ones that
 * changed. The thumbnails are one Tab stop (roving tabindex): arrow keys, Home and End move between
 * them; Enter, Space or a click asks the extension to show that frame in the editor and the layout view.
 */
import './storyboard.css';
import type { FromStoryboardMessage, StoryboardItem, StoryboardShow, ToStoryboardMessage } from '../../src/layout/storyboardMessages';

interface VsCodeApi {
  postMessage(message: FromStoryboardMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface ViewState {
  /** The script shown: what VS Code gives back to restore this view. */
  uri?: string;
  /** The thumbnail that has the Tab stop. */
  active?: number;
}

const vscode = acquireVsCodeApi();
const byId = (id: string) => document.getElementById(id)!;
const app = byId('app');
const heading = byId('heading');
const summary = byId('summary');
const list = byId('items') as HTMLOListElement;
const status = byId('status');
const state: ViewState = { ...(vscode.getState() as ViewState | undefined), uri: (JSON.parse(app.dataset.strings ?? '{}') as { uri?: string }).uri };
vscode.setState(state);
let first = true;

const buttons = () => list.querySelectorAll<HTMLButtonElement>('button.thumb');
const activeIndex = () => Math.min(state.active ?? 0, Math.max(0, list.children.length - 1));

function element(tag: string, className: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * The thumbnail of one item: its drawing and caption, which a screen reader skips, and its name in
 * words, which only a screen reader gets: the button's whole content, so that its name holds all the
 * text it shows (no aria-label that would say less than the caption).
 */
function thumbnail(item: StoryboardItem): HTMLLIElement {
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `thumb ${item.severity}`;
  button.id = `item-${item.index + 1}`;
  button.dataset.index = String(item.index);
  const name = element('span', 'name', item.name);
  const picture = element('span', 'picture');
  picture.setAttribute('aria-hidden', 'true');
  const parsed = new DOMParser().parseFromString(item.svg, 'image/svg+xml').documentElement;
  const svg = document.importNode(parsed, true);
  svg.setAttribute('focusable', 'false');
  picture.append(svg);
  const caption = element('span', 'caption');
  caption.setAttribute('aria-hidden', 'true');
  const line = element('span', 'line');
  line.append(element('span', 'title', item.title));
  if (item.duration) line.append(element('span', 'duration', item.duration));
  line.append(element('span', 'problems', item.problems));
  caption.append(line);
  if (item.excerpt) caption.append(element('span', 'excerpt', item.excerpt));
  button.append(name, picture, caption);
  li.append(button);
  return li;
}

/** One Tab stop: the active thumbnail alone is in the Tab order. */
function setActive(index: number, focus: boolean): void {
  const all = buttons();
  if (!all.length) return;
  const clamped = Math.max(0, Math.min(index, all.length - 1));
  all.forEach((b, i) => { b.tabIndex = i === clamped ? 0 : -1; });
  state.active = clamped;
  vscode.setState(state);
  if (focus) all[clamped].focus();
}

function show(message: StoryboardShow): void {
  const hadFocus = list.contains(document.activeElement);
  heading.textContent = message.heading;
  summary.textContent = message.summary;
  summary.hidden = false;
  while (list.children.length > message.count) list.lastElementChild!.remove();
  for (const item of message.items) {
    const li = thumbnail(item);
    const old = list.children[item.index];
    if (old) old.replaceWith(li);
    else list.append(li);
  }
  setActive(activeIndex(), hadFocus || (first && document.hasFocus()));
  first = false;
  if (message.announce) status.textContent = message.announce;
}

window.addEventListener('message', (event: MessageEvent<ToStoryboardMessage>) => {
  const message = event.data;
  if (message.type === 'show') {
    show(message);
  } else {
    heading.textContent = message.heading;
    summary.textContent = message.text;
    list.replaceChildren();
    if (message.announce) status.textContent = message.announce;
  }
  vscode.postMessage({ type: 'rendered', version: message.version, items: list.children.length });
});

const indexOf = (target: EventTarget | null) => {
  const index = (target as HTMLElement | null)?.closest<HTMLButtonElement>('button.thumb')?.dataset.index;
  return index === undefined ? undefined : Number(index);
};

list.addEventListener('click', (event) => {
  const index = indexOf(event.target);
  if (index === undefined) return;
  setActive(index, false);
  vscode.postMessage({ type: 'reveal', index });
});

list.addEventListener('focusin', (event) => {
  const index = indexOf(event.target);
  if (index !== undefined && index !== state.active) setActive(index, false);
});

/** How many thumbnails a row holds, as the grid lays them out now. */
function columns(): number {
  const all = buttons();
  if (all.length < 2) return 1;
  const top = all[0].getBoundingClientRect().top;
  let n = 1;
  while (n < all.length && all[n].getBoundingClientRect().top === top) n++;
  return n;
}

list.addEventListener('keydown', (event) => {
  const index = indexOf(event.target);
  if (index === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
  const last = list.children.length - 1;
  const moves: Record<string, () => number> = {
    ArrowLeft: () => index - 1,
    ArrowRight: () => index + 1,
    ArrowUp: () => index - columns(),
    ArrowDown: () => index + columns(),
    Home: () => 0,
    End: () => last,
  };
  const move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  const next = move();
  if (next >= 0 && next <= last) setActive(next, true);
});

// Focus given to the view (its tab chosen, the editor group focused) goes to the thumbnail with the Tab stop.
window.addEventListener('focus', () => {
  if (document.activeElement === document.body) setActive(activeIndex(), true);
});

vscode.postMessage({ type: 'ready' });
