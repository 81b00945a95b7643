/**
 * Interaction rule libraries (reference 6.1.6–6.1.9, and the SDK's details call): create, list,
 * details, update (whole-object replace) and delete. Each rule gets a `rule_id` and its times, as
 * the SDK's `InteractionRuleDetailInfo` has them; the list leaves the rules out, as the SDK says it
 * now does.
 */
import { fieldVerifyFail, notFound } from '../errors';
import { rfc3339, type JsonObject, type RuleGroupRecord } from '../model';
import { ruleGroup } from '../specs';
import { byCreateTime, includesFold, newId, ok, page, readBody, timeParam, type RequestContext, type Route } from './context';

const GROUPS = /^\/smart-live-interaction-rule-groups$/;
const GROUP = /^\/smart-live-interaction-rule-groups\/([^/]+)$/;

function findGroup(ctx: RequestContext): RuleGroupRecord {
  const group = ctx.store.ruleGroups.get(ctx.params[0]);
  if (!group || group.project_id !== ctx.projectId) throw notFound(`interaction rule group ${ctx.params[0]}`);
  return group;
}

/** The body with each rule's ID and times: kept from the rule of the same `rule_index` (or position) before. */
function withRuleIds(body: JsonObject, time: string, before?: RuleGroupRecord): JsonObject {
  const old = (before?.body.interaction_rules ?? []) as JsonObject[];
  const rules = ((body.interaction_rules ?? []) as JsonObject[]).map((rule, i) => {
    const previous = old.find((r) => rule.rule_index !== undefined && r.rule_index === rule.rule_index) ?? old[i];
    return { ...rule, rule_id: (previous?.rule_id as string | undefined) ?? newId(), create_time: (previous?.create_time as string | undefined) ?? time, update_time: time };
  });
  return { ...body, interaction_rules: rules };
}

function render(group: RuleGroupRecord, withRules: boolean): JsonObject {
  const { interaction_rules: rules, ...rest } = group.body;
  return { group_id: group.group_id, ...rest, ...(withRules && rules !== undefined ? { interaction_rules: rules } : {}), create_time: group.create_time, update_time: group.update_time };
}

export const ruleGroupRoutes: Route[] = [
  {
    method: 'POST',
    pattern: GROUPS,
    handler: (ctx) => {
      const time = rfc3339(ctx.now);
      const body = withRuleIds(readBody(ctx, ruleGroup, fieldVerifyFail), time);
      const group: RuleGroupRecord = { group_id: newId(), project_id: ctx.projectId, body, create_time: time, update_time: time };
      ctx.store.ruleGroups.set(group.group_id, group);
      return ok({ group_id: group.group_id });
    },
  },
  {
    method: 'GET',
    pattern: GROUPS,
    handler: (ctx) => {
      const name = ctx.query.get('group_name');
      const since = timeParam(ctx.query, 'create_since', fieldVerifyFail);
      const until = timeParam(ctx.query, 'create_until', fieldVerifyFail);
      const matching = [...ctx.store.ruleGroups.values()].filter((group) => group.project_id === ctx.projectId
        && (!name || includesFold(group.body.group_name as string, name))
        && (since === undefined || Date.parse(group.create_time) >= since)
        && (until === undefined || Date.parse(group.create_time) <= until));
      const shown = page(byCreateTime(matching), ctx.query, fieldVerifyFail);
      return ok({ count: matching.length, interaction_rule_groups: shown.map((group) => render(group, false)) });
    },
  },
  {
    method: 'GET',
    pattern: GROUP,
    handler: (ctx) => ok(render(findGroup(ctx), true)),
  },
  {
    method: 'PUT',
    pattern: GROUP,
    handler: (ctx) => {
      const group = findGroup(ctx);
      const time = rfc3339(ctx.now);
      group.body = withRuleIds(readBody(ctx, ruleGroup, fieldVerifyFail), time, group);
      group.update_time = time;
      return ok(render(group, true));
    },
  },
  {
    method: 'DELETE',
    pattern: GROUP,
    handler: (ctx) => {
      ctx.store.ruleGroups.delete(findGroup(ctx).group_id);
      return ok();
    },
  },
];
