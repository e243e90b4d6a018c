// The red team's build list (tests/red-team/build.cases.ts), one test per case (tests/red-team/run-cases.ts).
import { cases } from './build.cases';
import { runRedTeam } from './run-cases';

runRedTeam(cases);
