// What the two import commands (scripts/import-form.ts, scripts/import-van-ban.ts) share: a refusal
// printed as it is with its exit code, their argument reading, and how an error ends the command.
// Each command keeps its own words (usage line, what it imports); this module only puts them together.
import { TransactionError } from '../src/lib/fs/transaction.ts';

/** A refusal: printed as it is, with its exit code (2: the command was called wrongly), after the lock is released. */
export class Refusal extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

export function fail(message: string, code = 1): never {
  throw new Refusal(message, code);
}

/** The arguments a command takes. */
export interface CommandSpec {
  /** The usage line, printed after every wrong call. */
  usage: string;
  /** Options without a value. */
  flags: readonly string[];
  /** Options followed by a value, each with what its value is called in "Thiếu … sau <option>." */
  values: Readonly<Record<string, string>>;
  /** What the command imports, one per run ("biểu mẫu", "văn bản"). */
  thing: string;
}

export interface Args {
  flags: Set<string>;
  /** Each value option given, by its name (`--root` → its value). */
  values: Map<string, string>;
  /** At most one file: more are refused. */
  file?: string;
}

/** Reads argv (without node and the script); a wrong call is refused with exit code 2. */
export function parseArgs(argv: readonly string[], spec: CommandSpec): Args {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (Object.hasOwn(spec.values, arg)) {
      const value = argv[i + 1];
      if (value === undefined) fail(`Thiếu ${spec.values[arg]} sau ${arg}.\n${spec.usage}`, 2);
      values.set(arg, value);
      i += 1;
    } else if (spec.flags.includes(arg)) flags.add(arg);
    else if (arg.startsWith('--')) fail(`Không có tuỳ chọn ${arg}.\n${spec.usage}`, 2);
    else positional.push(arg);
  }
  if (positional.length > 1) fail(`Mỗi lần chỉ nhập một ${spec.thing} (đã cho ${positional.length} tệp).\n${spec.usage}`, 2);
  return { flags, values, ...(positional[0] ? { file: positional[0] } : {}) };
}

/** The message and exit code a command ends with: a refusal as it is, a failed write, or the unexpected. */
export function endingOf(error: unknown, thing: string): [string, number] {
  return error instanceof Refusal ? [error.message, error.exitCode]
    : error instanceof TransactionError ? [`Không nhập ${thing}: ${error.message}.`, 1]
    : [`Không nhập ${thing}, content/ không thay đổi: lỗi không lường trước (${error instanceof Error ? error.message : String(error)}). Hãy báo người quản trị trang.`, 1];
}

/** Runs the command's main; an error ends it with one message on stderr and its exit code, never a stack trace. */
export function run(main: () => Promise<void>, ending: (error: unknown) => [string, number]): void {
  main().catch((error: unknown) => {
    const [message, code] = ending(error);
    console.error(message);
    process.exitCode = code;
  });
}
