// The red team's import list (tests/red-team/import.cases.ts), one test per case (tests/red-team/run-cases.ts).
import { cases } from './import.cases';
import { runRedTeam } from './run-cases';

runRedTeam(cases);
