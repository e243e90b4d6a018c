// Which anchors a document offers: its heading slugs and the <Anchor id="…"/> marks in its MDX.
const ANCHOR_TAG = /<Anchor\s+id=["']([^"']+)["']\s*\/?>/g;

export function anchorIdsInMdx(body: string): string[] {
  return [...body.matchAll(ANCHOR_TAG)].map((m) => m[1] as string);
}

export function documentAnchors(body: string, headingSlugs: string[]): Set<string> {
  return new Set([...headingSlugs, ...anchorIdsInMdx(body)]);
}
