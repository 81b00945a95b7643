/**
 * How the sandbox answers a viewer event (reference 6.2.7) with a live job's interaction rules
 * (6.1.1 `interaction_rules`). Of the enabled rules of the event's type whose scenes include the
 * one playing, the first by `hit_condition.priority` (lower first, 500 when absent), then by order,
 * whose tags all (AND) or any (OR) match replies; a RESERVED rule replies when no other one does.
 * A tag names a field of the event's `content` JSON by its dotted path (`content`, `user.name`,
 * `gift.giftName`, `numberOfViewers`) and compares it: EQUAL as text, REGEX, MATH_* as numbers.
 * The sandbox reads each event alone, so `operation` SUM, AVG and COUNT take the event's own value.
 * A rule that replied within `time_window` seconds (-1: during the whole livestream) is left out.
 * Only SYSTEM_REPLY and SYSTEM_REPLY_AND_CALLBACK rules speak (the sandbox calls no one back and
 * runs no bot): `reply_texts` in turn, for ORDER and RANDOM alike, so that a test can tell.
 */
import { isObject, parseUntrustedJson } from '../core/json';
import type { JsonObject, LiveJobRecord } from './model';

/** Longer values are compared by their start only, so a hostile event costs bounded time. */
const MAX_COMPARED_LENGTH = 4096;

export interface LiveEvent {
  readonly type?: number;
  readonly content?: string;
}

export interface Reply {
  readonly ruleIndex: number;
  readonly rule: JsonObject;
  readonly text: string;
}

function fieldAt(content: unknown, path: string): unknown {
  let value = content;
  for (const key of path.split('.')) {
    if (!isObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

function tagMatches(tag: JsonObject, content: unknown): boolean {
  const raw = fieldAt(content, String(tag.tag ?? 'content'));
  if (raw === undefined || raw === null || typeof raw === 'object') return false;
  const value = String(raw).slice(0, MAX_COMPARED_LENGTH);
  const expected = String(tag.value ?? '');
  const [a, b] = [Number(value), Number(expected)];
  switch (tag.match ?? 'EQUAL') {
    case 'EQUAL': return value === expected;
    case 'REGEX':
      try {
        return new RegExp(expected).test(value);
      } catch {
        return false;
      }
    case 'MATH_GT': return a > b;
    case 'MATH_GE': return a >= b;
    case 'MATH_LT': return a < b;
    case 'MATH_LE': return a <= b;
    case 'MATH_EQ': return a === b;
    default: return false;
  }
}

const conditionOf = (rule: JsonObject) => (rule.hit_condition ?? {}) as JsonObject;
const relationOf = (rule: JsonObject) => String(conditionOf(rule).relation ?? 'AND').toUpperCase();

function hits(rule: JsonObject, content: unknown): boolean {
  const tags = (conditionOf(rule).tags ?? []) as JsonObject[];
  return relationOf(rule) === 'OR' ? tags.some((t) => tagMatches(t, content)) : tags.every((t) => tagMatches(t, content));
}

function silenced(job: LiveJobRecord, index: number, rule: JsonObject, now: number): boolean {
  const last = job.rule_hits[index]?.last_ms;
  const window = (rule.trigger as JsonObject | undefined)?.time_window;
  if (last === undefined || typeof window !== 'number' || window === 0) return false;
  return window < 0 || now - last < window * 1000;
}

/** The reply the job's rules give to `event`, if any; the rule's hit is counted. */
export function replyTo(job: LiveJobRecord, event: LiveEvent, now: number): Reply | undefined {
  let content: unknown;
  try {
    content = parseUntrustedJson(event.content ?? '{}');
  } catch {
    return undefined;
  }
  const scene = job.queue[0]?.script_name;
  const candidates = job.rules
    .map((rule, index) => ({ rule, index }))
    .filter(({ rule }) => rule.enabled !== false && rule.event_type === event.type)
    .filter(({ rule }) => !Array.isArray(rule.enabled_scenes) || rule.enabled_scenes.includes(scene ?? ''))
    .filter(({ rule, index }) => !silenced(job, index, rule, now))
    .sort((x, y) => priority(x.rule) - priority(y.rule) || x.index - y.index);
  const hit = candidates.find(({ rule }) => relationOf(rule) !== 'RESERVED' && hits(rule, content))
    ?? candidates.find(({ rule }) => relationOf(rule) === 'RESERVED');
  if (!hit) return undefined;
  const trigger = (hit.rule.trigger ?? {}) as JsonObject;
  const speaks = trigger.reply_mode === undefined || trigger.reply_mode === 'SYSTEM_REPLY' || trigger.reply_mode === 'SYSTEM_REPLY_AND_CALLBACK';
  const texts = ((trigger.reply_texts ?? []) as unknown[]).filter((t): t is string => typeof t === 'string' && t !== '');
  const count = job.rule_hits[hit.index]?.count ?? 0;
  job.rule_hits[hit.index] = { last_ms: now, count: count + 1 };
  if (!speaks || texts.length === 0) return undefined;
  return { ruleIndex: hit.index, rule: hit.rule, text: texts[count % texts.length] };
}

function priority(rule: JsonObject): number {
  const value = conditionOf(rule).priority;
  return typeof value === 'number' ? value : 500;
}
