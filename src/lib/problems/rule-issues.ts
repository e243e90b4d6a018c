// A schema's own rules, raised through the catalogue: a zod refinement names the rule and its values,
// and the message is the catalogue's (messages.ts); frontmatter-check.ts reads the rule back from
// `params.rule`. Typed by shape, not by zod's types, so that this folder imports nothing but itself.
import { messageOf, type MessageValues, type WordedRule } from './messages.ts';

/**
 * The issue a schema raises for `rule`: its message from the catalogue and the rule in `params`.
 * A type, not an interface, so that it fits zod's issue (which has an index signature).
 */
export type RuleIssue<R extends WordedRule> = {
  code: 'custom';
  path?: PropertyKey[];
  message: string;
  params: { rule: R };
};

/** Adds the issue of `rule` with `values` at `path` to a zod refinement's context. */
export function addRuleIssue<R extends WordedRule>(
  ctx: { addIssue(issue: RuleIssue<R>): void },
  rule: R,
  values: MessageValues<R>,
  path?: PropertyKey[],
): void {
  ctx.addIssue({ code: 'custom', ...(path === undefined ? {} : { path }), message: messageOf(rule, values), params: { rule } });
}

/** The second argument of `.refine(check, …)` for `rule`: its message from the catalogue, at `path`. */
export function ruleRefinement<R extends WordedRule>(rule: R, values: MessageValues<R>, path?: PropertyKey[]): { path?: PropertyKey[]; message: string; params: { rule: R } } {
  return { ...(path === undefined ? {} : { path }), message: messageOf(rule, values), params: { rule } };
}
