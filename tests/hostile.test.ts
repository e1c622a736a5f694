/**
 * Inputs that try to be something else (issue 5): a .txt that is a zip or a PDF, a 200 MB
 * file, a FIFO, symlink loops, an unreadable folder, NUL bytes, and paths and text that look
 * like SQL. Each is rejected with its own reason (or stored verbatim), in bounded memory and
 * time, and the batch goes on. Needs dist/ (npx tsc -p tsconfig.json).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileStage } from '../pipeline/read.js';
import { BIN, cli, query, scalar, SEEDS, tempDir } from './helpers.js';

const SEED_A = join(SEEDS, '000_2881366d79d7105f.txt');
const SEED_B = join(SEEDS, '002_0522782f77f4491e.txt');
const SEED_C = join(SEEDS, '003_5630fb2513edc03b.txt');
const SQL_NAME = "a'; DROP TABLE articles;--.txt";
const SQL_TEXT = `\n\nBình luận: Robert'); DROP TABLE articles;-- "x" \\ %_ ' OR '1'='1\n`;
const isRoot = process.getuid?.() === 0;

/** A local file header of a zip archive: the magic, then fields full of NUL bytes. */
const zipBytes = (): Buffer => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0]), Buffer.alloc(16), Buffer.from([5, 0, 0, 0]), Buffer.from('a.txt'), Buffer.from([0x4b, 0x4c, 0x04, 0])]);
/** A PDF with its usual binary comment line and a compressed stream. */
const pdfBytes = (): Buffer => Buffer.concat([
  Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n1 0 obj\n<< /Length 12 /Filter /FlateDecode >>\nstream\n'),
  Buffer.from([0x78, 0x9c, 0x0b, 0xc9, 0xc8, 0x2c, 0x00, 0x00, 0xff, 0x01]), Buffer.from('\nendstream\nendobj\n%%EOF\n'),
]);

describe('a batch of hostile files among good ones', () => {
  const t = tempDir('vnextract-hostile-');
  const dir = join(t.dir, 'in');
  const db = join(t.dir, 'h.sqlite');
  let run: ReturnType<typeof cli>;
  let ms = 0;
  const reasons = new Map<string, string>();
  beforeAll(() => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(SEED_A, join(dir, 'good.txt'));
    writeFileSync(join(dir, SQL_NAME), readFileSync(SEED_B, 'utf8') + SQL_TEXT);
    writeFileSync(join(dir, 'zip.txt'), zipBytes());
    writeFileSync(join(dir, 'pdf.txt'), pdfBytes());
    writeFileSync(join(dir, 'big.txt'), '');
    truncateSync(join(dir, 'big.txt'), 200 * 1024 * 1024); // sparse: no disk, no time
    execFileSync('mkfifo', [join(dir, 'fifo.txt')]);
    symlinkSync('loop2.txt', join(dir, 'loop1.txt'));
    symlinkSync('loop1.txt', join(dir, 'loop2.txt'));
    symlinkSync('..', join(dir, 'sub', 'up')); // a folder cycle: links to folders are not followed
    copyFileSync(SEED_C, join(dir, 'sub', 'deeper.txt'));
    writeFileSync(join(dir, 'nul.txt'), `Tiêu đề\n\nĐại tá Nguyễn Văn An\u0000 phát biểu.\n`);
    const t0 = performance.now();
    run = cli(['ingest', dir, '--db', db]);
    ms = performance.now() - t0;
    for (const line of run.stderr.split('\n')) {
      const m = /^rejected (.*?): (.*)$/u.exec(line);
      if (m) reasons.set(m[1]!.slice(dir.length + 1), m[2]!);
    }
  }, 60_000);
  afterAll(t.cleanup);

  it('finishes quickly (no hang on the FIFO), exits 2, and the good files land', () => {
    expect(ms).toBeLessThan(30_000);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/fatal|internal error/u);
    const sources = query<{ source: string }>(db, 'SELECT source FROM article_sources ORDER BY source').map((r) => r.source.slice(dir.length + 1));
    expect(sources).toEqual([SQL_NAME, 'good.txt', 'sub/deeper.txt']);
  });

  it('each hostile file has its own reason', () => {
    expect(reasons.get('big.txt')).toBe('too large: 209715200 bytes > --max-bytes 5242880');
    expect(reasons.get('fifo.txt')).toBe('not a regular file (FIFO)');
    expect(reasons.get('loop1.txt')).toMatch(/^unreadable: symlink loop \(ELOOP: too many symbolic links/u);
    expect(reasons.get('loop2.txt')).toMatch(/^unreadable: symlink loop \(ELOOP: too many symbolic links/u);
    expect(reasons.get('zip.txt')).toMatch(/^binary file/u);
    expect(reasons.get('pdf.txt')).toMatch(/^binary file|^not valid UTF-8/u);
    // NUL in text: a NUL byte never occurs in real text, so the file is binary (decided: rejected, not stored).
    expect(reasons.get('nul.txt')).toMatch(/^binary file \(NUL byte at offset \d+\)/u);
    expect([...reasons.keys()].sort()).toEqual(['big.txt', 'fifo.txt', 'loop1.txt', 'loop2.txt', 'nul.txt', 'pdf.txt', 'zip.txt']);
    const rows = query<{ path: string; rule: string }>(db, `SELECT path, rule FROM errors WHERE level = 'error'`);
    expect(rows).toHaveLength(7);
  });

  it('SQL-looking paths and text are stored verbatim; every table is still there', () => {
    const [a] = query<{ source: string; body: string }>(db, 'SELECT source, body FROM articles WHERE source = ?', join(dir, SQL_NAME));
    expect(a?.body.endsWith(SQL_TEXT.trim())).toBe(true);
    expect(scalar(db, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'articles'`)).toBe(1);
    expect(scalar(db, 'SELECT count(*) FROM articles')).toBe(3);
    expect(scalar(db, 'PRAGMA integrity_check') as unknown).toBe('ok');
  });

  it('a 200 MB file is rejected from its size, without reading it (memory stays flat)', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const r = await readFileStage(join(dir, 'big.txt'), { maxBytes: 5 * 1024 * 1024 });
    expect(r.ok).toBe(false);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(8 * 1024 * 1024);
  });

  it('a path listed on stdin with a NUL byte is rejected and recorded verbatim; the list goes on', () => {
    const bad = join(dir, 'x\u0000y.txt');
    const r = cli(['ingest', '-', '--db', db], { input: `${bad}\n${join(dir, 'good.txt')}\n` });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/unchanged 1/u);
    // (SQLite's own string functions stop at a NUL, so compare in JS.)
    expect(query<{ path: string }>(db, `SELECT path FROM errors WHERE rule = 'unreadable'`).map((x) => x.path).filter((p) => p.includes('\u0000'))).toEqual([bad]);
  });

  it.skipIf(isRoot)('a folder without read permission is named and the batch goes on (skipped as root: root reads it anyway)', () => {
    const locked = join(t.dir, 'locked');
    mkdirSync(locked);
    copyFileSync(SEED_A, join(locked, 'hidden.txt'));
    chmodSync(locked, 0o000);
    try {
      const r = cli(['ingest', locked, join(dir, 'good.txt'), '--db', join(t.dir, 'locked.sqlite')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/rejected .*locked: unreadable: permission denied \(EACCES/u);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  // As root every folder is readable, so the same case runs as the unprivileged `nobody`
  // (setpriv, from util-linux) where that is possible.
  const asNobody = ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  // …and only where `nobody` can reach the built CLI (a checkout under a private folder cannot).
  const canDropPrivileges =
    isRoot &&
    existsSync(asNobody[0] ?? '') &&
    spawnSync(asNobody[0] ?? '', [...asNobody.slice(1), process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(BIN.replace(/bin[/\\]vnextract\.js$/u, 'dist/pipeline/cli.js'))})`]).status === 0;
  it.skipIf(!canDropPrivileges)('a folder without read permission, for an unprivileged user: named, and the batch goes on', () => {
    const open = mkdtempSync(join(tmpdir(), 'vnextract-nobody-'));
    try {
      chmodSync(open, 0o777);
      const locked = join(open, 'locked');
      mkdirSync(locked);
      copyFileSync(SEED_A, join(locked, 'hidden.txt'));
      chmodSync(locked, 0o000);
      const good = join(open, 'good.txt');
      copyFileSync(SEED_A, good);
      chmodSync(good, 0o644);
      const r = spawnSync(
        asNobody[0] ?? '',
        [...asNobody.slice(1), process.execPath, BIN, 'ingest', locked, good, '--db', join(open, 'db.sqlite')],
        { encoding: 'utf8', cwd: open, timeout: 120_000 },
      );
      expect(r.stderr).toMatch(/rejected .*locked: unreadable: permission denied \(EACCES/u);
      expect(r.stdout).toMatch(/^ingested 1, /u);
      expect(r.status).toBe(2);
    } finally {
      rmSync(open, { recursive: true, force: true });
    }
  });

  it('a .txt that is an all-ASCII PDF is rejected by its magic bytes', () => {
    const p = join(t.dir, 'ascii-pdf.txt');
    writeFileSync(p, '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nBT /F1 12 Tf (Dai ta Nguyen Van A) Tj ET\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const r = cli(['ingest', p, '--db', join(t.dir, 'pdf.sqlite')]);
    expect(r.stderr).toMatch(/binary file \(PDF document\)/u);
  });
});
