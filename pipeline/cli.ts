/**
 * The `vnextract` command line. Only node: built-ins are imported up front so `--help` and
 * `--version` answer instantly; the pipeline, SQLite and the extractors load on first use.
 *
 * Exit codes: 0 success; 2 the run finished but some files were rejected; 1 usage or fatal
 * error; 130 interrupted by Ctrl-C (the files in flight were written, the run row closed).
 */
import { accessSync, constants, createWriteStream, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { parse, intFlag, bytesFlag, str, UsageError } from './args.js';

export const DEFAULT_DB = 'output/vnextract.sqlite';
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_BATCH = 200;

function toolVersion(): string {
  for (const rel of ['../../package.json', '../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'vnextract' && pkg.version) return pkg.version;
    } catch {
      // Try the next layout (dist/pipeline/cli.js vs pipeline/cli.ts).
    }
  }
  return '0.0.0';
}

const MAIN_HELP = `vnextract — Vietnamese press articles to a structured, queryable SQLite dataset

Usage: vnextract <command> [options]

Commands:
  ingest PATH...   read articles (.txt, .html, .htm) into the dataset; PATH is a file,
                   a folder (walked recursively) or - (a list of paths on stdin)
  export           print every article as a SPEC §8 record: --format jsonl|json|csv
  stats            articles, entities per type, errors and the last runs
  search QUERY     full-text search of titles and bodies (tone marks and đ optional)
  eval             score the extractors against gold files

Options:
  -h, --help       show help; 'vnextract COMMAND --help' for a command's options
  -V, --version    print the version

Default database: ${DEFAULT_DB} (relative to the current folder).
Exit codes: 0 success, 2 finished but some files were rejected, 1 usage or fatal error.
`;

const INGEST_HELP = `Usage: vnextract ingest PATH... [options]

Read articles into the dataset. PATH is a file, a folder (walked recursively, hidden
entries skipped) or - (one path per line on stdin). .txt and .html/.htm files are read
as UTF-8 (a BOM is fine), UTF-16 with a BOM, or a legacy Vietnamese encoding
(Windows-1258, VISCII, TCVN3/ABC, VNI-Windows) detected by how many words read as
Vietnamese syllables; an HTML page's <meta charset> is honoured. Text is normalised to
NFC, line ends to LF, and zero-width characters are removed. A file whose bytes are
already in the dataset is skipped as unchanged; a changed file replaces the article it held.

Options:
  --db FILE          database file (default ${DEFAULT_DB}; folders are created)
  --workers N        extraction worker threads (default: the number of cores, here
                     ${availableParallelism()}); 0 runs everything on the main thread. On
                     Linux the workers run 10 nice steps below the main thread, so the one
                     writer never waits for a core
  --batch-size N     articles written per transaction (default ${DEFAULT_BATCH})
  --max-bytes N      reject files larger than N bytes (default 5M; 512k, 5M accepted)
  --encoding NAME    read every file as NAME, no detection: utf-8, utf-16le, utf-16be,
                     windows-1258, viscii, tcvn3 (ABC), vni-windows, tcvn5712-1 (VN1)
  --lossy            accept undecodable files as UTF-8: bad bytes become U+FFFD, with a
                     warning
  --force            re-process files even when they are unchanged
  --json             print a machine-readable summary object on stdout
  -q, --quiet        print nothing but errors that stop the run (--json still prints)
  -h, --help         show this help

Output: a progress bar on a terminal, then one line:
  ingested N, unchanged N, replaced N, rejected N in Xs (N articles/s)
Each rejected file is printed on stderr as 'rejected PATH: reason' and recorded in the
errors table (reasons: empty file, binary file, not valid UTF-8 (with the byte offset)
and no legacy encoding fits (with the best candidate's score),
unsupported extension, unreadable, too large).
Exit codes: 0 every file landed, 2 some files were rejected, 1 usage or fatal error,
130 interrupted by Ctrl-C (files in flight are written; re-run to finish the job).
`;

const EXPORT_HELP = `Usage: vnextract export [--db FILE] [--format jsonl|json|csv] [-o FILE]

Print the dataset, one record per article in the shape of SPEC §8 (id, source, title,
publishedAt, authors, body, extractorVersion, people, agencies, documents, dates, counts;
plus ingestedAt). Streams: memory does not grow with the dataset.

Options:
  --db FILE          database file (default ${DEFAULT_DB})
  --format F         jsonl (default): one JSON record a line; json: one array;
                     csv: one row per entity mention (RFC 4180), for spreadsheets
  -o, --output FILE  write to FILE instead of stdout (FILE appears, or is replaced,
                     only once the export is complete)
  --bom              csv only: start with a UTF-8 byte-order mark (for Excel)
  -h, --help         show this help

CSV columns: article_id, source, family (person|agency|document|date|count), entity
(index of the entity in its article), name, value, unit, approximate, of, rank, titles,
agencies, aliases, type, number, issuer, date, start, end, text (the mention as in the body).
`;

const STATS_HELP = `Usage: vnextract stats [--db FILE] [--json]

Show what the dataset holds: articles and sources, entities and mentions per type, the
number of rejected files with the most recent reasons, and the last runs.

Options:
  --db FILE          database file (default ${DEFAULT_DB})
  --json             print one JSON object instead of text
  -h, --help         show this help
`;

const SEARCH_HELP = `Usage: vnextract search QUERY... [--db FILE] [--limit N] [--json]

Full-text search (SQLite FTS5) over titles and bodies. Every word must occur; tone marks
and đ are optional ('dai ta nguyen hai trung' finds 'Đại tá Nguyễn Hải Trung').

Options:
  --db FILE          database file (default ${DEFAULT_DB})
  --limit N          at most N articles, best first (default 10)
  --json             print JSON lines instead of text
  -h, --help         show this help
`;

const EVAL_HELP = `Usage: vnextract eval [options]

Score the extractors against gold files (SPEC §7). Run 'vnextract eval --help' after the
eval module is built for its options; this command forwards every argument to it.
`;

interface Io {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
}

const dbOption = { db: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** Says why opening an older database takes a while: its schema is being upgraded, once. */
const migrationNotice = (io: Io, db: string) => (from: number, to: number): void => {
  io.stderr.write(`upgrading ${db} from schema version ${from} to ${to} (once; a large database takes a while)\n`);
};

async function cmdIngest(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('ingest', argv, {
    ...dbOption,
    workers: { type: 'string' },
    'batch-size': { type: 'string' },
    'max-bytes': { type: 'string' },
    lossy: { type: 'boolean' },
    encoding: { type: 'string' },
    force: { type: 'boolean' },
    json: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  }, true);
  if (values.help) {
    io.stdout.write(INGEST_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`ingest needs at least one PATH (a file, a folder or -); see 'vnextract ingest --help'`);
  const workers = intFlag('workers', values.workers, availableParallelism(), 0);
  const batchSize = intFlag('batch-size', values['batch-size'], DEFAULT_BATCH, 1);
  const maxBytes = bytesFlag('max-bytes', values['max-bytes'], DEFAULT_MAX_BYTES);
  const quiet = values.quiet === true;
  const json = values.json === true;
  const db = str(values.db) ?? DEFAULT_DB;
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError(`'-' (paths on stdin) may be given once`);
  // Checked here so a typo is a usage error, not one rejection per file.
  let encoding: string | undefined;
  const encodingArg = str(values.encoding);
  if (encodingArg !== undefined) {
    const { canonicalEncoding, ENCODING_NAMES } = await import('./encodings/codecs.js');
    encoding = canonicalEncoding(encodingArg) ?? undefined;
    if (!encoding) throw new UsageError(`unknown --encoding '${encodingArg}' (known: ${ENCODING_NAMES.join(', ')})`);
  }

  // Paths named on the command line must exist: a typo is a usage error, not a rejected file.
  const { stat } = await import('node:fs/promises');
  for (const p of positionals) {
    if (p === '-') continue;
    try {
      await stat(p);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `no such file or folder: ${p}` : `cannot read ${p}: ${(err as Error).message}`);
    }
  }

  const [{ ingest }, { TtyProgress, noProgress }] = await Promise.all([import('./runner.js'), import('./progress.js')]);
  const showProgress = !quiet && io.stderr.isTTY === true;
  const rejections: { path: string; stage: string; rule: string; reason: string }[] = [];
  const MAX_LISTED = 1000;
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    if (!quiet) io.stderr.write('\ninterrupted: writing the files in flight, then stopping (Ctrl-C again to quit now)\n');
  };
  process.on('SIGINT', onSigint);
  // SIGTERM (kill, docker stop, systemd) stops the same way: the run row closes as
  // 'interrupted' instead of being found 'crashed' by the next run.
  process.on('SIGTERM', onSigint);
  try {
    const summary = await ingest({
      paths: positionals,
      db,
      workers,
      batchSize,
      maxBytes,
      lossy: values.lossy === true,
      encoding,
      force: values.force === true,
      stdin: io.stdin,
      command: ['ingest', ...argv],
      toolVersion: toolVersion(),
      progress: showProgress ? new TtyProgress(io.stderr) : noProgress,
      countTotal: showProgress,
      signal: controller.signal,
      onReject: (r) => {
        if (rejections.length < MAX_LISTED) rejections.push({ path: r.source, stage: r.stage, rule: r.rule, reason: r.reason });
        if (!quiet) io.stderr.write(`rejected ${r.source}: ${r.reason}\n`);
      },
      onWarning: (source, m) => {
        if (!quiet) io.stderr.write(`warning ${source}: ${m.reason}\n`);
      },
      onMigrate: quiet ? undefined : migrationNotice(io, db),
    });
    const c = summary.counters;
    if (json) {
      io.stdout.write(`${JSON.stringify({
        runId: summary.runId, status: summary.status, database: summary.database, ...c,
        seconds: Number(summary.seconds.toFixed(3)), articlesPerSecond: Number(summary.articlesPerSecond.toFixed(2)),
        cpuSeconds: Number(summary.cpuSeconds.toFixed(3)),
        rejections, rejectionsTruncated: c.rejected > rejections.length,
      })}\n`);
    } else if (!quiet) {
      const dup = c.duplicates > 0 ? `, duplicate ${c.duplicates}` : '';
      const head = summary.status === 'interrupted' ? 'interrupted: ' : '';
      io.stdout.write(
        `${head}ingested ${c.ingested}, unchanged ${c.unchanged}, replaced ${c.replaced}${dup}, rejected ${c.rejected} ` +
          `in ${summary.seconds.toFixed(1)}s (${summary.articlesPerSecond.toFixed(1)} articles/s, cpu ${summary.cpuSeconds.toFixed(1)}s)\n`,
      );
    }
    if (summary.status === 'interrupted') return 130;
    return c.rejected > 0 ? 2 : 0;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** Write to a stream, waiting when its buffer is full: export must not hold the dataset. */
function writer(out: Writable): (s: string | Uint8Array) => Promise<void> {
  return (s) =>
    new Promise((resolve, reject) => {
      if (out.write(s)) return resolve();
      const onDrain = (): void => { out.off('error', onError); resolve(); };
      const onError = (e: Error): void => { out.off('drain', onDrain); reject(e); };
      out.once('drain', onDrain);
      out.once('error', onError);
    });
}

async function cmdExport(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse('export', argv, {
    ...dbOption,
    format: { type: 'string' },
    output: { type: 'string', short: 'o' },
    bom: { type: 'boolean' },
  }, false);
  if (values.help) {
    io.stdout.write(EXPORT_HELP);
    return 0;
  }
  const format = str(values.format) ?? 'jsonl';
  if (format !== 'jsonl' && format !== 'json' && format !== 'csv') throw new UsageError(`--format must be jsonl, json or csv, got '${format}'`);
  const db = str(values.db) ?? DEFAULT_DB;
  const [{ openDatabase }, { exportRecords }] = await Promise.all([import('./store.js'), import('./export.js')]);
  const conn = openDatabase(db, { create: false, onMigrate: migrationNotice(io, db) });
  const file = str(values.output);
  const opts = { bom: values.bom === true };
  try {
    if (file) await writeFile(file, (write) => exportRecords(conn, format, write, opts));
    else await exportRecords(conn, format, writer(io.stdout), opts);
  } finally {
    conn.close();
  }
  return 0;
}

/** An output file that cannot be written: said as it is, without a stack. */
class OutputError extends Error {}

/**
 * Write `file` with `fill`: under a temporary name beside it, renamed once complete, so that a
 * failed export (a full disk, a killed process) never leaves a cut-off file under the name
 * asked for, nor replaces a good one. A path that is not a regular file (`/dev/stdout`, a
 * FIFO) is written in place. The file is opened before any record is read: a missing folder
 * or a denied permission is reported at once, by the path given.
 */
async function writeFile(file: string, fill: (write: (s: string | Uint8Array) => Promise<void>) => Promise<void>): Promise<void> {
  const { fsReason } = await import('./read.js');
  const st = statSync(file, { throwIfNoEntry: false });
  const exists = st !== undefined;
  const inPlace = exists && !st.isFile();
  // Through a symbolic link, the file it names is replaced, not the link.
  const dest = exists && !inPlace ? realpathSync(file) : file;
  const target = inPlace ? file : join(dirname(dest), `.${basename(dest)}.${process.pid}.partial`);
  let fd: number;
  try {
    // A file without write permission stays as it is, as an open for writing would leave it.
    if (exists && !inPlace) accessSync(dest, constants.W_OK);
    fd = openSync(target, 'w');
  } catch (err) {
    throw new OutputError(`cannot write ${file}: ${fsReason(err)}`);
  }
  const out = createWriteStream('', { fd });
  let streamError: unknown = null;
  out.on('error', (err) => {
    streamError ??= err;
  });
  try {
    await fill(writer(out));
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (!inPlace) renameSync(target, dest);
  } catch (err) {
    out.destroy();
    if (!inPlace) rmSync(target, { force: true });
    throw streamError === null ? err : new OutputError(`cannot write ${file}: ${fsReason(streamError)}`);
  }
}

async function cmdStats(argv: readonly string[], io: Io): Promise<number> {
  const { values } = parse('stats', argv, { ...dbOption, json: { type: 'boolean' } }, false);
  if (values.help) {
    io.stdout.write(STATS_HELP);
    return 0;
  }
  const db = str(values.db) ?? DEFAULT_DB;
  const [{ openDatabase, readStats }, { formatStats }] = await Promise.all([import('./store.js'), import('./export.js')]);
  const conn = openDatabase(db, { create: false, onMigrate: migrationNotice(io, db) });
  try {
    const stats = readStats(conn, db);
    io.stdout.write(values.json ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
  } finally {
    conn.close();
  }
  return 0;
}

async function cmdSearch(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parse('search', argv, { ...dbOption, limit: { type: 'string' }, json: { type: 'boolean' } }, true);
  if (values.help) {
    io.stdout.write(SEARCH_HELP);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError(`search needs a QUERY; see 'vnextract search --help'`);
  const limit = intFlag('limit', values.limit, 10, 1);
  const db = str(values.db) ?? DEFAULT_DB;
  const [{ openDatabase }, { search }] = await Promise.all([import('./store.js'), import('./export.js')]);
  const conn = openDatabase(db, { create: false, onMigrate: migrationNotice(io, db) });
  try {
    const hits = search(conn, positionals.join(' '), limit);
    for (const h of hits)
      io.stdout.write(values.json ? `${JSON.stringify(h)}\n` : `${h.id.slice(0, 12)}  ${h.publishedAt ?? '          '}  ${h.title ?? '(no title)'}\n  ${h.snippet}\n  ${h.source}\n`);
    if (!values.json && hits.length === 0) io.stdout.write('no article matches\n');
  } finally {
    conn.close();
  }
  return 0;
}

async function cmdEval(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    // Answer without loading the evaluator when it cannot (yet) be loaded.
    try {
      const { runEval } = await import('./eval.js');
      return await runEval([...argv]);
    } catch {
      io.stdout.write(EVAL_HELP);
      return 0;
    }
  }
  const { runEval } = await import('./eval.js');
  return runEval([...argv]);
}

const COMMANDS: Record<string, (argv: readonly string[], io: Io) => Promise<number>> = {
  ingest: cmdIngest,
  export: cmdExport,
  stats: cmdStats,
  search: cmdSearch,
  eval: cmdEval,
};

export async function main(argv: readonly string[], io: Io = process): Promise<number> {
  const [first, ...rest] = argv;
  try {
    if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
      if (first === 'help' && rest[0] && COMMANDS[rest[0]]) return await COMMANDS[rest[0]]!(['--help'], io);
      io.stdout.write(MAIN_HELP);
      return first === undefined ? 1 : 0;
    }
    if (first === '-V' || first === '--version' || first === 'version') {
      io.stdout.write(`vnextract ${toolVersion()}\n`);
      return 0;
    }
    const cmd = COMMANDS[first];
    if (!cmd) throw new UsageError(first.startsWith('-') ? `unknown option '${first}' (see 'vnextract --help')` : `unknown command '${first}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return await cmd(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`vnextract: ${err.message}\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code === 'EPIPE') return 0; // the reader went away (`| head`): not an error
    // A store or output error says what to fix; anything else is a bug, and its stack helps.
    const expected = e?.constructor?.name === 'StoreError' || err instanceof OutputError;
    io.stderr.write(`vnextract: ${expected ? e.message : `fatal: ${e?.stack ?? String(err)}`}\n`);
    return 1;
  }
}

/** Run as the program (bin/vnextract.js imports this module and calls run()). */
export async function run(): Promise<void> {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
  });
  const code = await main(process.argv.slice(2));
  process.exitCode = code;
}
