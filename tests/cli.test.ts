/**
 * The CLI as a user meets it: the real built program, fixtures, a temporary database.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { chmodSync, closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleRecord } from '../schemas/article.js';
import { cli, query, ROOT, scalar, SEEDS, tableCounts, tempDir } from './helpers.js';

const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();

describe('ingest the seeds, export, re-run', () => {
  const t = tempDir();
  const db = join(t.dir, 'nested', 'folder', 'seeds.sqlite');
  let first: ReturnType<typeof cli>;
  beforeAll(() => {
    first = cli(['ingest', SEEDS, '--db', db]);
  });
  afterAll(t.cleanup);

  it('lands every seed once, creating the database folders', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^ingested 5, unchanged 0, replaced 0, rejected 0 in \d+\.\d+s \(\d+\.\d+ articles\/s, cpu \d+\.\ds\)\n$/u);
    expect(scalar(db, 'SELECT count(*) FROM articles')).toBe(5);
    expect(scalar(db, 'SELECT count(*) FROM article_sources')).toBe(5);
    const sources = query<{ source: string }>(db, 'SELECT source FROM articles ORDER BY source').map((r) => r.source);
    expect(sources).toEqual(seedFiles.map((f) => join(SEEDS, f)));
    expect(scalar(db, 'PRAGMA user_version')).toBeGreaterThanOrEqual(1);
    expect(query(db, 'PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
  });

  it('a second run writes nothing: 5 unchanged, identical row counts, a second run row', () => {
    const before = tableCounts(db);
    const again = cli(['ingest', SEEDS, '--db', db, '--json']);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ status: 'ok', files: 5, ingested: 0, unchanged: 5, replaced: 0, rejected: 0 });
    // CPU time is the whole process's (all threads); a run always spends some, and a process
    // that took the wall time for itself cannot have used more than every core for all of it.
    const { seconds, cpuSeconds } = summary as { seconds: number; cpuSeconds: number };
    expect(cpuSeconds).toBeGreaterThan(0);
    expect(cpuSeconds).toBeLessThanOrEqual(seconds * availableParallelism() + 0.05);
    expect(tableCounts(db)).toEqual(before);
    expect(query(db, 'SELECT status, files, ingested, unchanged FROM runs ORDER BY id')).toEqual([
      { status: 'ok', files: 5, ingested: 5, unchanged: 0 },
      { status: 'ok', files: 5, ingested: 0, unchanged: 5 },
    ]);
  });

  it('export jsonl: one valid SPEC §8 record per article, every offset is its mention', () => {
    const out = cli(['export', '--db', db, '--format', 'jsonl']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    let mentions = 0;
    for (const line of lines) {
      const rec = articleRecord.parse(JSON.parse(line));
      for (const d of rec.dates) expect(rec.body.slice(d.start, d.end)).toBe(d.text);
      for (const c of rec.counts) expect(rec.body.slice(c.start, c.end)).toBe(c.text);
      for (const e of [...rec.people, ...rec.agencies]) {
        for (const [s, end] of e.mentions) {
          expect(end).toBeGreaterThan(s);
          expect(end).toBeLessThanOrEqual(rec.body.length);
        }
      }
      for (const p of rec.people) for (const [s, e] of p.mentions) expect(rec.body.slice(s, e).length).toBeGreaterThan(0);
      mentions += rec.dates.length + rec.counts.length;
      expect(rec.id).toMatch(/^[0-9a-f]{64}$/u);
    }
    expect(mentions).toBeGreaterThanOrEqual(0);
  });

  // EXTRACTOR PROBE: this assertion fails while extractors/index.ts is a stub returning empty
  // lists; it turns green once the extractors produce records for the seeds.
  it('EXTRACTOR PROBE: the seeds yield entities of every family', () => {
    const families = ['people', 'agencies', 'documents', 'dates', 'counts'];
    const n = Object.fromEntries(families.map((f) => [f, scalar(db, `SELECT count(*) FROM ${f}`)]));
    for (const f of families) expect(n[f], `no ${f} extracted from the seeds`).toBeGreaterThan(0);
  });

  it('stored mention texts are exactly the body slices', () => {
    const bad = query(db, `
      SELECT m.text, substr(a.body, m.start_offset + 1, m.end_offset - m.start_offset) AS slice
      FROM v_mentions m JOIN articles a ON a.id = m.article_id
      WHERE m.text <> substr(a.body, m.start_offset + 1, m.end_offset - m.start_offset)`);
    expect(bad).toEqual([]);
  });

  it('export json is one array of the same records', () => {
    const out = cli(['export', '--db', db, '--format', 'json']);
    expect(out.code).toBe(0);
    const arr = JSON.parse(out.stdout) as unknown[];
    expect(arr).toHaveLength(5);
    for (const r of arr) articleRecord.parse(r);
  });

  it('export csv: the header, then one row per mention (RFC 4180)', () => {
    const out = cli(['export', '--db', db, '--format', 'csv']);
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith('article_id,source,family,entity,name,value,unit,approximate,of,rank,titles,agencies,aliases,type,number,issuer,date,start,end,text\r\n')).toBe(true);
    const total = scalar(db, 'SELECT count(*) FROM v_mentions');
    // Rows end with CRLF; fields never contain a bare CRLF unless quoted, and bodies' mentions are single-line.
    const rows = out.stdout.split('\r\n').filter((l) => l.length > 0);
    expect(rows.length - 1).toBe(total);
  });

  it('export -o writes a file', () => {
    const file = join(t.dir, 'out.jsonl');
    const out = cli(['export', '--db', db, '-o', file]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect(readFileSync(file, 'utf8').trimEnd().split('\n')).toHaveLength(5);
  });

  it('export -o replaces a file whole, through a symbolic link, and leaves nothing beside it', () => {
    const dir = join(t.dir, 'replace');
    mkdirSync(dir);
    const file = join(dir, 'out.csv');
    writeFileSync(file, 'an older export, much longer than the new one '.repeat(5000));
    symlinkSync(file, join(dir, 'latest.csv'));
    const out = cli(['export', '--db', db, '--format', 'csv', '-o', join(dir, 'latest.csv')]);
    expect(out.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(cli(['export', '--db', db, '--format', 'csv']).stdout);
    expect(readdirSync(dir).sort()).toEqual(['latest.csv', 'out.csv']);
    expect(lstatSync(join(dir, 'latest.csv')).isSymbolicLink()).toBe(true);
  });

  it('export -o into a missing folder or onto a folder: the path and the reason, no file, no stack', () => {
    const missing = join(t.dir, 'no-such-folder', 'out.jsonl');
    const a = cli(['export', '--db', db, '-o', missing]);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe(`vnextract: cannot write ${missing}: ENOENT: no such file or directory\n`);
    expect(existsSync(join(t.dir, 'no-such-folder'))).toBe(false);
    const b = cli(['export', '--db', db, '-o', t.dir]);
    expect(b.code).toBe(1);
    expect(b.stderr).toBe(`vnextract: cannot write ${t.dir}: EISDIR: illegal operation on a directory\n`);
  });

  it('export -o onto a FIFO writes into it (not a regular file: nothing renamed over it)', async () => {
    const fifo = join(t.dir, 'records.fifo');
    const got = join(t.dir, 'from-fifo.jsonl');
    execFileSync('mkfifo', [fifo]);
    // The reader writes to a file, not to a pipe back to this process, which spawnSync blocks.
    const sink = openSync(got, 'w');
    const reader = spawn('cat', [fifo], { stdio: ['ignore', sink, 'ignore'] });
    closeSync(sink);
    const done = new Promise((resolve) => reader.on('exit', resolve));
    const out = cli(['export', '--db', db, '-o', fifo]);
    // An export that never opened the FIFO leaves the reader waiting for a writer.
    if (out.code !== 0) reader.kill();
    await done;
    expect(out.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(got, 'utf8').trimEnd().split('\n')).toHaveLength(5);
  });

  it('stats names articles, entity families, errors and runs; --json parses', () => {
    const text = cli(['stats', '--db', db]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/articles\s+5 /u);
    expect(text.stdout).toMatch(/entities\s+people \d+, agencies \d+, documents \d+, dates \d+, counts \d+/u);
    expect(text.stdout).toMatch(/errors\s+0 rejected files/u);
    expect(text.stdout).toMatch(/#2 .* ok /u);
    const json = JSON.parse(cli(['stats', '--db', db, '--json']).stdout) as { articles: number; runs: unknown[] };
    expect(json.articles).toBe(5);
    expect(json.runs).toHaveLength(2);
  });

  it('search finds an article without tone marks or đ', () => {
    const out = cli(['search', '--db', db, '--json', 'dai', 'ta']);
    expect(out.code).toBe(0);
    const hits = out.stdout.trim().split('\n').map((l) => JSON.parse(l) as { snippet: string });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.snippet).toContain('[Đại]');
  });
});

/** The bad files of the issue, written into `dir`; returns [file, stage, reason] expectations. */
function writeBadFiles(dir: string, bigBytes: number): [string, string, RegExp][] {
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x41, 0x42, 0x43, 0x44, 0x00, 0x01]));
  writeFileSync(join(dir, 'archive.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
  // "café" in Windows-1252: not UTF-8, and no Vietnamese encoding reads it as syllables.
  writeFileSync(join(dir, 'legacy.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  writeFileSync(join(dir, 'report.pdf'), '%PDF-1.4');
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'dangling.txt'));
  writeFileSync(join(dir, 'big.txt'), 'a'.repeat(bigBytes));
  return [
    ['empty.txt', 'decode', /^empty file$/u],
    ['binary.txt', 'decode', /^binary file \(NUL byte at offset 4\)$/u],
    ['archive.txt', 'decode', /^binary file \(zip archive\)$/u],
    ['legacy.txt', 'decode', /^not valid UTF-8 \(invalid byte 0xE9 at offset 3\) and no legacy Vietnamese encoding fits \(best: tcvn3, 0% valid syllables\)$/u],
    ['report.pdf', 'read', /^unsupported extension \.pdf$/u],
    ['dangling.txt', 'read', /^unreadable: ENOENT/u],
    ['big.txt', 'read', new RegExp(`^too large: ${bigBytes} bytes > --max-bytes \\d+$`, 'u')],
  ];
}

function expectRejections(run: ReturnType<typeof cli>, db: string, dir: string, expected: [string, string, RegExp][]): void {
  for (const [file, , reason] of expected) {
    const prefix = `rejected ${join(dir, file)}: `;
    const line = run.stderr.split('\n').find((l) => l.startsWith(prefix));
    expect(line, `${file} not named on stderr:\n${run.stderr}`).toBeDefined();
    expect(line!.slice(prefix.length)).toMatch(reason);
  }
  const rows = query<{ path: string; stage: string; reason: string }>(db, `SELECT path, stage, reason FROM errors WHERE level = 'error'`);
  for (const [file, stage, reason] of expected) {
    const matching = rows.filter((r) => r.path === join(dir, file));
    expect(matching.length, file).toBeGreaterThan(0);
    expect(matching[0]!.stage, file).toBe(stage);
    expect(matching[0]!.reason, file).toMatch(reason);
  }
}

const HTML_PAGE = `<!doctype html><html><head><title>Công an tỉnh ký kết chương trình phối hợp - Báo Thử</title>
  <meta property="og:title" content="Công an tỉnh ký kết chương trình phối hợp">
  <script>window.tracker = "Bộ Quốc phòng";</script><style>.x{color:red}</style></head>
  <body><nav><a href="/">Trang chủ</a> <a href="/x">Thời sự</a></nav>
  <article><h1>Công an tỉnh ký kết chương trình phối hợp</h1>
  <p>Sáng 14/5, Công an tỉnh và Ban Tuyên giáo Tỉnh ủy ký kết chương trình phối hợp số 05/CTr-CAT-BTG.</p>
  <p>Đại tá Nguyễn Văn Bình, Giám đốc Công an tỉnh, phát biểu tại hội nghị.</p></article>
  <aside><h3>Tin liên quan</h3><a href="/y">Một bài khác hoàn toàn</a></aside><footer>Bản quyền thuộc về Báo Thử</footer></body></html>`;

describe('bad input with --max-bytes 100: each file named with its reason, the rest lands', () => {
  const t = tempDir();
  const dir = join(t.dir, 'batch');
  const db = join(t.dir, 'bad.sqlite');
  let run: ReturnType<typeof cli>;
  let expected: [string, string, RegExp][];
  beforeAll(() => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'good.txt'), 'Sáng 14/5, Công an tỉnh tổ chức hội nghị.\n');
    writeFileSync(join(dir, 'sub', 'good2.txt'), '\ufeffCông an huyện ký kết kế hoạch.\r\n');
    expected = writeBadFiles(dir, 150);
    run = cli(['ingest', dir, '--db', db, '--max-bytes', '100', '--workers', '1']);
  });
  afterAll(t.cleanup);

  it('exits 2, names every bad file on stderr and in the errors table', () => {
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^ingested 2, unchanged 0, replaced 0, rejected 7 in /u);
    expectRejections(run, db, dir, expected);
    expect(scalar(db, `SELECT count(*) FROM errors WHERE level = 'error'`)).toBe(7);
  });

  it('the good files land, BOM dropped, CRLF made LF', () => {
    const rows = query<{ source: string; body: string }>(db, 'SELECT source, body FROM articles ORDER BY source');
    expect(rows.map((r) => r.source)).toEqual([join(dir, 'good.txt'), join(dir, 'sub', 'good2.txt')]);
    expect(rows[1]!.body.startsWith('Công an huyện')).toBe(true);
    expect(rows[1]!.body).not.toContain('\r');
  });

  it('--lossy accepts invalid UTF-8 with U+FFFD and a warning', () => {
    const db3 = join(t.dir, 'lossy.sqlite');
    const r = cli(['ingest', join(dir, 'legacy.txt'), '--db', db3, '--lossy']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning ${join(dir, 'legacy.txt')}: not valid UTF-8 (invalid byte 0xE9 at offset 3)`);
    expect(query<{ body: string }>(db3, 'SELECT body FROM articles')[0]!.body).toContain('caf\ufffd');
    expect(scalar(db3, `SELECT count(*) FROM errors WHERE level = 'warning' AND rule = 'lossy-utf8'`)).toBe(1);
  });

  it('an unreadable file (permissions) is named, when permissions bind (not as root)', () => {
    if (process.getuid?.() === 0) return; // root reads anything: the dangling link covers `unreadable`
    const f = join(t.dir, 'locked.txt');
    writeFileSync(f, 'Công an tỉnh.');
    chmodSync(f, 0o000);
    const r = cli(['ingest', f, '--db', join(t.dir, 'locked.sqlite')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rejected ${f}: unreadable: permission denied (EACCES`);
  });

  it('a database folder the system will not create is an error, not a hang', () => {
    // Linux answers ENOENT to a mkdir under /proc, on which Node's recursive mkdir loops
    // forever. The run also has to close the worker it started before the failed open:
    // a live worker would keep the process running.
    if (!existsSync('/proc/self')) return;
    const db = '/proc/vnextract-missing/x.sqlite';
    // SIGKILL: a process stuck in that loop does not answer SIGTERM, and the test would hang.
    const r = cli(['ingest', join(SEEDS, seedFiles[0]!), '--db', db], { timeoutMs: 30_000, killSignal: 'SIGKILL' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`vnextract: cannot create the folder of database ${db}: ENOENT: no such file or directory, mkdir '/proc/vnextract-missing'`);
  });
});

describe('a new user\'s batch: the seeds, an HTML page with furniture, the bad files', () => {
  const t = tempDir();
  const dir = join(t.dir, 'mixed');
  const db = join(t.dir, 'mixed.sqlite');
  let expected: [string, string, RegExp][];
  let run: ReturnType<typeof cli>;
  beforeAll(() => {
    mkdirSync(join(dir, 'seeds'), { recursive: true });
    for (const f of seedFiles) copyFileSync(join(SEEDS, f), join(dir, 'seeds', f));
    writeFileSync(join(dir, 'page.html'), HTML_PAGE);
    expected = writeBadFiles(dir, 5 * 1024 * 1024 + 1);
    run = cli(['ingest', dir, '--db', db]);
  });
  afterAll(t.cleanup);

  it('every good file lands once, every bad one is named (default --max-bytes 5M)', () => {
    expect(run.code).toBe(2);
    expectRejections(run, db, dir, expected);
    const sources = query<{ source: string }>(db, 'SELECT source FROM article_sources ORDER BY source').map((x) => x.source);
    expect(sources).toEqual([join(dir, 'page.html'), ...seedFiles.map((f) => join(dir, 'seeds', f))]);
    expect(scalar(db, 'SELECT count(*) FROM articles')).toBe(6);
  });

  it('the HTML page: title from the page, no script, nav, aside or footer text in the body', () => {
    const page = query<{ title: string; body: string }>(db, 'SELECT title, body FROM articles WHERE source = ?', join(dir, 'page.html'))[0]!;
    expect(page.title).toBe('Công an tỉnh ký kết chương trình phối hợp');
    expect(page.body).toContain('Sáng 14/5, Công an tỉnh và Ban Tuyên giáo Tỉnh ủy ký kết chương trình phối hợp số 05/CTr-CAT-BTG.');
    for (const furniture of ['tracker', 'Bộ Quốc phòng', 'Trang chủ', 'Thời sự', 'Tin liên quan', 'bài khác', 'Bản quyền', 'color:red'])
      expect(page.body, furniture).not.toContain(furniture);
  });

  it('a second run changes nothing', () => {
    const before = tableCounts(db);
    const again = cli(['ingest', dir, '--db', db, '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ ingested: 0, unchanged: 6, replaced: 0, duplicates: 0, rejected: 7 });
    expect(tableCounts(db)).toEqual(before);
  });
});

describe('changed content at the same path', () => {
  const t = tempDir();
  const db = join(t.dir, 'c.sqlite');
  const file = join(t.dir, 'a.txt');
  afterAll(t.cleanup);

  it('replaces the article and its entities, never duplicates', () => {
    copyFileSync(join(SEEDS, seedFiles[2]!), file);
    expect(cli(['ingest', file, '--db', db]).code).toBe(0);
    const oldId = query<{ id: string }>(db, 'SELECT id FROM articles')[0]!.id;
    copyFileSync(join(SEEDS, seedFiles[3]!), file);
    const r = cli(['ingest', file, '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ingested: 0, replaced: 1, unchanged: 0 });
    const rows = query<{ id: string; source: string }>(db, 'SELECT id, source FROM articles');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(oldId);
    expect(rows[0]!.source).toBe(file);
    // Nothing of the old article is left: no orphan entities or FTS rows.
    for (const table of ['people', 'agencies', 'documents', 'dates', 'counts'])
      expect(scalar(db, `SELECT count(*) FROM ${table} WHERE article_id = ?`, oldId), table).toBe(0);
    expect(scalar(db, 'SELECT count(*) FROM articles_fts')).toBe(1);
  });

  it('the same text from a second path is one article with two sources', () => {
    const copy = join(t.dir, 'copy.txt');
    copyFileSync(file, copy);
    const r = cli(['ingest', copy, '--db', db, '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ingested: 0, duplicates: 1 });
    expect(scalar(db, 'SELECT count(*) FROM articles')).toBe(1);
    expect(scalar(db, 'SELECT count(*) FROM article_sources')).toBe(2);
  });
});

describe('paths on stdin', () => {
  const t = tempDir();
  afterAll(t.cleanup);
  it('`-` reads one path a line, blank lines ignored', () => {
    const db = join(t.dir, 's.sqlite');
    const list = `${join(SEEDS, seedFiles[0]!)}\n\n  ${join(SEEDS, seedFiles[1]!)}  \n`;
    const r = cli(['ingest', '-', '--db', db, '--json'], { input: list });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ files: 2, ingested: 2 });
  });
  it('a missing path listed on stdin is a rejected file, not a fatal error', () => {
    const db = join(t.dir, 's2.sqlite');
    const r = cli(['ingest', '-', '--db', db, '--workers', '0'], { input: `${join(t.dir, 'nope.txt')}\n${join(SEEDS, seedFiles[4]!)}\n` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`rejected ${join(t.dir, 'nope.txt')}: unreadable: ENOENT`);
    expect(scalar(db, 'SELECT count(*) FROM articles')).toBe(1);
  });
});

describe('usage', () => {
  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = cli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`vnextract ${pkg.version}\n`);
    }
  });

  it('--help of the program and of every command', () => {
    const main = cli(['--help']);
    expect(main.code).toBe(0);
    for (const c of ['ingest', 'export', 'stats', 'search', 'eval']) expect(main.stdout).toContain(c);
    for (const [cmd, text] of [['ingest', '--max-bytes'], ['export', '--format'], ['stats', '--json'], ['search', '--limit']] as const) {
      const r = cli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain(`Usage: vnextract ${cmd}`);
      expect(r.stdout).toContain(text);
    }
  });

  // Owned by pipeline/eval.ts (runEval receives `--help` as is): every command answers --help.
  it('EVAL HELP: eval --help exits 0 and shows its usage', () => {
    const r = cli(['eval', '--help']);
    expect(r.stdout + r.stderr).toMatch(/vnextract eval/u);
    expect(r.code).toBe(0);
  });

  it('an unknown flag, command or bad value exits 1 naming it', () => {
    const cases: [string[], RegExp][] = [
      [['ingest', SEEDS, '--frobnicate'], /unknown option '--frobnicate'/u],
      [['export', '--colour'], /unknown option '--colour'/u],
      [['stats', '--db'], /option --db needs a value/u],
      [['frob'], /unknown command 'frob'/u],
      [['ingest'], /ingest needs at least one PATH/u],
      [['ingest', SEEDS, '--workers', 'many'], /--workers expects an integer/u],
      [['ingest', SEEDS, '--max-bytes', 'lots'], /--max-bytes expects a size/u],
      [['ingest', '/no/such/place'], /no such file or folder: \/no\/such\/place/u],
      [['export', '--format', 'xml', '--db', '/tmp/x.sqlite'], /--format must be jsonl, json or csv/u],
      [['stats', '--db', '/no/such/db.sqlite'], /no database at \/no\/such\/db\.sqlite/u],
    ];
    for (const [args, msg] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(msg);
    }
  });

  it('--quiet prints nothing; the default database lands in output/ under the cwd', () => {
    const t = tempDir();
    try {
      const r = cli(['ingest', join(SEEDS, seedFiles[0]!), '--quiet'], { cwd: t.dir });
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(scalar(join(t.dir, 'output', 'vnextract.sqlite'), 'SELECT count(*) FROM articles')).toBe(1);
      expect(cli(['stats'], { cwd: t.dir }).stdout).toMatch(/articles\s+1 /u);
    } finally {
      t.cleanup();
    }
  });
});

describe('development scripts: --help and bad options', () => {
  const script = (rel: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', rel), ...args], { encoding: 'utf8', timeout: 20_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it('--help prints the usage and exits 0, running nothing', () => {
    for (const [rel, name] of [['bench/bench.js', 'bench'], ['scripts/kill-harness.js', 'kill-harness'], ['scripts/fuzz.js', 'fuzz']] as const) {
      const r = script(rel, ['--help']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(new RegExp(`^usage: npm run ${name} -- \\[--`, 'u'));
    }
  });

  it('an unknown option or a bad number is named, with the usage, exit 2, no stack trace', () => {
    const bogus = script('bench/bench.js', ['--bogus']);
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe(
      "bench: unknown option '--bogus' (see 'npm run bench -- --help')\n" +
        'usage: npm run bench -- [--articles N] [--workers N] [--batch-size N] [--seed N] [--keep] [--out FILE] [--cpu-prof DIR]\n',
    );
    const notANumber = script('bench/bench.js', ['--articles', 'many']);
    expect(notANumber.code).toBe(2);
    expect(notANumber.stderr.split('\n')[0]).toBe("bench: --articles expects an integer ≥ 1, got 'many'");
    const harness = script('scripts/kill-harness.js', ['--cycle', '3']);
    expect(harness.code).toBe(2);
    expect(harness.stderr.split('\n')[0]).toBe("kill-harness: unknown option '--cycle' (see 'npm run kill-harness -- --help')");
    expect(harness.stderr).not.toMatch(/\n\s+at /u);
    // Numbers are read as the CLI reads them: a word is an error, not NaN cycles or runs.
    const cycles = script('scripts/kill-harness.js', ['--cycles', 'ten']);
    expect([cycles.code, cycles.stderr.split('\n')[0]]).toEqual([2, "kill-harness: --cycles expects an integer ≥ 1, got 'ten'"]);
    const runs = script('scripts/fuzz.js', ['--runs', '1e3']);
    expect([runs.code, runs.stderr.split('\n')[0]]).toEqual([2, "fuzz: --runs expects an integer ≥ 1, got '1e3'"]);
  });
});
