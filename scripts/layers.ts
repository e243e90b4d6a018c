// `npm run layers`: the picture of src/lib's layers in the README, drawn from the dependency-cruiser
// configuration (.dependency-cruiser.cjs: the layers, bottom first) and from the folder-level
// imports dependency-cruiser finds in the code. `npm run layers -- --write` rewrites the README's
// block; tests/layers.test.ts fails when the block is not the one this prints.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = '.dependency-cruiser.cjs';
export const README_BEGIN = '<!-- cac-tang: sinh bằng `npm run layers -- --write` từ .dependency-cruiser.cjs -->';
export const README_END = '<!-- /cac-tang -->';

interface Layer {
  folders: string[];
  role: string;
}

export interface CruiseResult {
  modules: { source: string; dependencies: { resolved: string }[] }[];
  summary: { error: number; violations: { rule: { name: string }; from: string; to: string; cycle?: unknown[] }[]; totalCruised: number; totalDependenciesCruised: number };
}

/** dependency-cruiser over src/ with the project's configuration, as its command line runs it. */
export function cruise(extra: string[] = []): CruiseResult {
  const bin = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [bin, 'src', '--config', CONFIG, '--output-type', 'json', ...extra], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || !run.stdout) throw new Error(`dependency-cruiser không chạy được: ${run.error?.message ?? run.stderr}`);
  return JSON.parse(run.stdout) as CruiseResult;
}

export function layers(): Layer[] {
  return (createRequire(import.meta.url)(join(root, CONFIG)) as { LAYERS: Layer[] }).LAYERS;
}

const id = (folder: string) => folder.replace(/[^a-z0-9]/g, '_');

/** The README's block: a Mermaid flowchart, top layer first, with every folder-to-folder import of src/lib. */
export function layersPicture(result: CruiseResult = cruise(['--collapse', '^src/lib/[^/]+'])): string {
  const all = layers();
  const edges = new Set<string>();
  for (const m of result.modules) {
    const from = /^src\/lib\/([^/]+)$/.exec(m.source)?.[1];
    if (!from) continue;
    for (const d of m.dependencies) {
      const to = /^src\/lib\/([^/]+)$/.exec(d.resolved)?.[1];
      if (to && to !== from) edges.add(`  ${id(from)} --> ${id(to)}`);
    }
  }
  const lines = ['```mermaid', 'flowchart TB'];
  [...all].reverse().forEach((layer, i) => {
    lines.push(`  subgraph tang${all.length - i}["${all.length - i}. ${layer.role}"]`);
    for (const folder of layer.folders) lines.push(`    ${id(folder)}["${folder}/"]`);
    lines.push('  end');
  });
  lines.push(...[...edges].sort(), '```');
  return lines.join('\n');
}

/** The README with its block replaced by `picture`. */
export function withPicture(readme: string, picture: string): string {
  const begin = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (begin < 0 || end < begin) throw new Error(`README.md không có khối ${README_BEGIN} … ${README_END}`);
  return `${readme.slice(0, begin + README_BEGIN.length)}\n${picture}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const picture = layersPicture();
  if (process.argv.includes('--write')) {
    const path = join(root, 'README.md');
    writeFileSync(path, withPicture(readFileSync(path, 'utf8'), picture));
    console.log('Đã ghi hình các tầng vào README.md.');
  } else {
    console.log(picture);
  }
}
