/**
 * Command-line parsing on top of node:util parseArgs: strict options, and error messages
 * that name the offending flag and point at the command's --help.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A usage error: exit code 1 and the message, no stack. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

export function parse(
  command: string,
  argv: readonly string[],
  options: Options,
  allowPositionals: boolean,
  hint = `see 'vnextract ${command} --help'`,
): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, allowPositionals, strict: true });
    return { values: values as Parsed['values'], positionals };
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const quoted = /'([^']+)'/u.exec(e.message)?.[1] ?? '';
    const flag = quoted.split(' ')[0] ?? quoted;
    switch (e.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new UsageError(`unknown option '${flag}' (${hint})`);
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw new UsageError(`option ${flag} needs a value (${hint})`);
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
        throw new UsageError(`unexpected argument '${quoted}': '${command}' takes no paths (${hint})`);
      default:
        throw new UsageError(`${e.message} (${hint})`);
    }
  }
}

/** A non-negative integer flag (`--workers 4`), with `min` enforced. */
export function intFlag(name: string, raw: string | boolean | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const s = String(raw).trim();
  if (!/^\d+$/u.test(s) || Number(s) < min) throw new UsageError(`--${name} expects an integer ≥ ${min}, got '${s}'`);
  return Number(s);
}

/** A byte count: `5242880`, `512k`, `5M`, `5MB` (binary multiples). */
export function bytesFlag(name: string, raw: string | boolean | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const s = String(raw).trim();
  const m = /^(\d+)\s*(k|kb|kib|m|mb|mib)?$/iu.exec(s);
  if (!m || Number(m[1]) < 1) throw new UsageError(`--${name} expects a size in bytes such as 100, 512k or 5M, got '${s}'`);
  const unit = (m[2] ?? '').toLowerCase();
  const mult = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1;
  return Number(m[1]) * mult;
}

export function str(raw: string | boolean | undefined): string | undefined {
  return typeof raw === 'string' ? raw : undefined;
}

/** A development script's options, and its integer options read as the CLI reads them (`intFlag`). */
export interface ScriptOptions {
  readonly values: Parsed['values'];
  int(name: string, fallback: number, min: number): number;
}

/**
 * The options of a development script (`npm run bench`, `fuzz`, `kill-harness`): `--help`
 * prints its usage and exits 0; an unknown or incomplete option, or a number that is not one,
 * says which and exits 2, with the usage, instead of a stack trace or a silent NaN.
 */
export function scriptOptions(script: string, usage: string, options: Options): ScriptOptions {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  const usageExit = <T>(read: () => T): T => {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      process.stderr.write(`${script}: ${err.message}\n${usage}\n`);
      process.exit(2);
    }
  };
  const { values } = usageExit(() => parse(script, argv, options, false, `see 'npm run ${script} -- --help'`));
  return { values, int: (name, fallback, min) => usageExit(() => intFlag(name, values[name], fallback, min)) };
}
