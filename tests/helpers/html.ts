// html-validate with the recommended rules, as the quality tests apply them to built pages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Generated markup keeps the source's indentation; trailing spaces are not an error.
    'no-trailing-whitespace': 'off',
    // Official titles are long; the <title> carries them whole.
    'long-title': 'off',
    // Heading anchors such as "1-boi-canh-…" begin with the section number; valid in HTML5.
    'valid-id': ['error', { relaxed: true }],
  },
});

/** Every problem html-validate finds in these pages of dist/, as "file:line:column rule message". */
export async function htmlProblems(dist: string, files: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const report = await validator.validateString(readFileSync(join(dist, file), 'utf8'), file);
    for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return problems;
}
