// The red team's check list (tests/red-team/check.cases.ts), one test per case (tests/red-team/run-cases.ts).
import { cases } from './check.cases';
import { runRedTeam } from './run-cases';

runRedTeam(cases);
