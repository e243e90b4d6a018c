// Preloaded with `node --import` (through NODE_OPTIONS, so every Node process of a command has it)
// by the content gateway's tests: counts each opening of a file under content/ in this process (the
// content readers open every file once, with openSync) and, when the process exits, appends one
// JSON line { argv, reads } to the file named by CONTENT_READS_LOG.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { relative } from 'node:path';

const log = process.env.CONTENT_READS_LOG;
if (log) {
  const reads = {};
  const open = fs.openSync;
  fs.openSync = function (path, ...rest) {
    const rel = relative(process.cwd(), String(path));
    if (rel.startsWith('content/')) reads[rel] = (reads[rel] ?? 0) + 1;
    return open.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
  process.on('exit', () => fs.appendFileSync(log, `${JSON.stringify({ argv: process.argv.slice(1), reads })}\n`));
}
