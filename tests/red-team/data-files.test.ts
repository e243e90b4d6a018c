// The red team's data-files list (tests/red-team/data-files.cases.ts), one test per case (tests/red-team/run-cases.ts).
import { cases } from './data-files.cases';
import { runRedTeam } from './run-cases';

runRedTeam(cases);
