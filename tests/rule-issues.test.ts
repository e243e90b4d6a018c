// A schema's own rule raised through the catalogue: the issue zod reports carries the catalogue's
// message and the rule in params, which frontmatter-check.ts reads back.
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { addRuleIssue, ruleRefinement } from '../src/lib/problems/rule-issues';
import { messageOf } from '../src/lib/problems/messages';

describe('rule issues', () => {
  test('addRuleIssue gives zod the message and the rule, at the path', () => {
    const schema = z.object({ unit: z.string() }).superRefine((data, ctx) => {
      if (data.unit !== 'phan-tram') addRuleIssue(ctx, 'ty-le-phan-tram', {}, ['unit']);
    });
    const result = schema.safeParse({ unit: 'nguoi' });
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    expect(issue.message).toBe('chỉ tiêu tỷ lệ phải có đơn vị tính phan-tram');
    expect(issue.path).toEqual(['unit']);
    expect((issue as { params?: { rule?: string } }).params?.rule).toBe('ty-le-phan-tram');
  });

  test('ruleRefinement words a .refine by its rule and values', () => {
    const schema = z.object({ from: z.number(), to: z.number() }).refine((t) => t.from <= t.to, ruleRefinement('nhiem-ky', { order: true }, ['from']));
    const issue = schema.safeParse({ from: 2030, to: 2025 }).error!.issues[0]!;
    expect(issue.message).toBe(messageOf('nhiem-ky', { order: true }));
    expect(issue.message).toBe('năm đầu nhiệm kỳ phải nhỏ hơn hoặc bằng năm cuối');
    expect(issue.path).toEqual(['from']);
    expect((issue as { params?: { rule?: string } }).params?.rule).toBe('nhiem-ky');
  });
});
