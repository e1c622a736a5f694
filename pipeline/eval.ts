/**
 * `vnextract eval --gold DIR --articles DIR [--json] [--misses] [--threshold X]`:
 * run clean + extract on every article that has a gold file and score it (SPEC §7).
 * Also runnable directly: `node dist/pipeline/eval.js --gold ... --articles ...`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { extractEntities } from '../extractors/index.js';
import { goldArticle, type GoldArticle } from '../schemas/gold.js';
import type { DecodedArticle, InputFormat } from '../schemas/pipeline.js';
import { cleanArticle } from './clean.js';
import { aggregate, formatMiss, formatReport, scoreArticle, type ArticleScore, type Prediction } from './score.js';

const ARTICLE_EXTENSIONS: readonly { ext: string; format: InputFormat }[] = [
  { ext: '.txt', format: 'text' },
  { ext: '.html', format: 'html' },
  { ext: '.htm', format: 'html' },
];

/**
 * UTF-8 only, BOM tolerated, NFC. Eval inputs are the project's own UTF-8 files; legacy
 * encodings are the decode stage's business, not the scorer's.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).normalize('NFC');
}

/** Year of publication from `YYYY-MM-DD...`, for day-month dates without a year. */
export function publicationYearOf(publishedAt: string | null): number | null {
  const m = publishedAt === null ? null : /^(\d{4})-/.exec(publishedAt);
  return m?.[1] ? Number(m[1]) : null;
}

/** Clean and extract one article file: what the pipeline would store for it. */
export async function predictFile(path: string, format: InputFormat): Promise<Prediction & { body: string }> {
  const text = decodeUtf8(await readFile(path));
  const decoded: DecodedArticle = { source: path, format, encoding: 'utf-8', text, messages: [] };
  const cleaned = cleanArticle(decoded);
  const extraction = extractEntities({
    body: cleaned.body,
    publicationYear: publicationYearOf(cleaned.publishedAt),
    authors: cleaned.authors,
  });
  return { title: cleaned.title, publishedAt: cleaned.publishedAt, authors: cleaned.authors, body: cleaned.body, ...extraction };
}

async function findArticle(dir: string, id: string, names: ReadonlySet<string>): Promise<{ path: string; format: InputFormat } | null> {
  for (const { ext, format } of ARTICLE_EXTENSIONS) {
    if (names.has(id + ext)) return { path: join(dir, id + ext), format };
  }
  return null;
}

async function loadGold(path: string): Promise<GoldArticle> {
  const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
  const parsed = goldArticle.safeParse(raw);
  if (!parsed.success) throw new Error(`${path}: not a valid gold file: ${parsed.error.message}`);
  return parsed.data;
}

const USAGE = 'usage: vnextract eval --gold DIR --articles DIR [--json] [--misses] [--threshold X]';

/** Run the evaluation; returns the process exit code (1 below --threshold, 2 on usage errors). */
export async function runEval(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        gold: { type: 'string' },
        articles: { type: 'string' },
        json: { type: 'boolean', default: false },
        misses: { type: 'boolean', default: false },
        threshold: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n  --json        print the report as JSON\n  --misses      list every FP/FN per article\n  --threshold X exit 1 when macro-F1 < X (0.45 or 45)\n`);
    return 0;
  }
  if (!values.gold || !values.articles) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  // `--threshold 0.45` or `--threshold 45` (a percentage, as the table prints it).
  const rawThreshold = values.threshold === undefined ? null : Number(values.threshold);
  const threshold = rawThreshold !== null && rawThreshold > 1 ? rawThreshold / 100 : rawThreshold;
  if (threshold !== null && !Number.isFinite(threshold)) {
    process.stderr.write(`--threshold must be a number\n${USAGE}\n`);
    return 2;
  }

  const goldFiles = (await readdir(values.gold)).filter((f) => f.endsWith('.json')).sort();
  const articleNames = new Set(await readdir(values.articles));
  const scores: ArticleScore[] = [];
  let missingArticles = 0;
  for (const file of goldFiles) {
    const id = basename(file, '.json');
    const gold = await loadGold(join(values.gold, file));
    const found = await findArticle(values.articles, id, articleNames);
    if (!found) {
      process.stderr.write(`warning: no article ${id}.txt/.html/.htm in ${values.articles}\n`);
      missingArticles++;
      continue;
    }
    scores.push(scoreArticle(gold, await predictFile(found.path, found.format)));
  }
  if (scores.length === 0) {
    process.stderr.write(`no article with a gold file found (${goldFiles.length} gold files, ${missingArticles} without article)\n`);
    return 2;
  }
  const report = aggregate(scores);
  if (values.json) {
    const { misses, ...rest } = report;
    process.stdout.write(`${JSON.stringify(values.misses ? report : rest, null, 2)}\n`);
  } else {
    if (values.misses) for (const m of report.misses) process.stdout.write(`${formatMiss(m)}\n`);
    process.stdout.write(`${formatReport(report)}\n`);
  }
  if (threshold !== null && report.macroF1 < threshold) {
    process.stderr.write(`macro-F1 ${report.macroF1.toFixed(4)} is below the threshold ${threshold}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runEval(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
