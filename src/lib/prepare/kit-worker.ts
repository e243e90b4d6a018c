// The report kit's worker thread, started as `astro build` begins (src/lib/report-kit/prepared-kit.ts).
// It first lowers its own priority (thread-priority.ts), before it loads the chart, Word and Excel
// libraries, so that loading them too takes only the time the build's main thread leaves idle; then
// it makes the kit (kit-maker.ts).
// Runs under Node's own type stripping (hence the .ts imports), outside the site's bundle.
import { lowerThreadPriority } from './thread-priority.ts';

lowerThreadPriority();
await import('./kit-maker.ts');
