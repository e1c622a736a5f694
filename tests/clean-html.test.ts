import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../pipeline/clean.js';
import { normaliseMachineDate, stripSiteSuffix, textLines } from '../pipeline/clean-html.js';
import { load } from 'cheerio';

interface Expectation {
  title: string | null;
  publishedAt: string | null;
  authors: string[];
  firstLine?: string;
  with: string[];
  without: string[];
}

describe('HTML fixtures', () => {
  const dir = join(import.meta.dirname, '../fixtures/html');
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  it('has fixtures', () => expect(pages.length).toBeGreaterThanOrEqual(4));
  for (const page of pages) {
    it(`cleans ${page}`, () => {
      const html = readFileSync(join(dir, page), 'utf8');
      const want = JSON.parse(readFileSync(join(dir, page.replace(/\.html$/u, '.expect.json')), 'utf8')) as Expectation;
      const r = cleanArticle({ source: page, format: 'html', encoding: 'utf-8', text: html, messages: [] });
      expect(r.title).toBe(want.title);
      expect(r.publishedAt).toBe(want.publishedAt);
      expect(r.authors).toEqual(want.authors);
      if (want.firstLine !== undefined) expect(r.body.split('\n')[0]).toBe(want.firstLine);
      for (const s of want.with) expect(r.body).toContain(s);
      for (const s of want.without) expect(r.body).not.toContain(s);
      expect(r.body).toBe(r.body.normalize('NFC'));
    });
  }
});

describe('HTML helpers', () => {
  it('normalises machine dates to Vietnam time', () => {
    expect(normaliseMachineDate('2018-11-27T01:12:00Z')).toBe('2018-11-27T08:12:00+07:00');
    expect(normaliseMachineDate('2018-11-26T20:30:00.000Z')).toBe('2018-11-27T03:30:00+07:00');
    expect(normaliseMachineDate('2018-11-27T08:12:00+07:00')).toBe('2018-11-27T08:12:00+07:00');
    expect(normaliseMachineDate('2018-11-27T10:12:00+0900')).toBe('2018-11-27T08:12:00+07:00');
    expect(normaliseMachineDate('2018-11-27T08:12')).toBe('2018-11-27T08:12:00+07:00');
    expect(normaliseMachineDate('2018-11-27')).toBe('2018-11-27');
    expect(normaliseMachineDate('27/11/2018 08:12')).toBe('2018-11-27T08:12:00+07:00');
    expect(normaliseMachineDate('hôm qua')).toBeNull();
  });

  it('strips the site name after a headline', () => {
    expect(stripSiteSuffix('Công an tỉnh ký kết quy chế - Báo Hòa Sơn', false)).toBe('Công an tỉnh ký kết quy chế');
    expect(stripSiteSuffix('Công an tỉnh ký kết quy chế | CAND.COM.VN', false)).toBe('Công an tỉnh ký kết quy chế');
    expect(stripSiteSuffix('Giai đoạn 2021 - 2026', false)).toBe('Giai đoạn 2021 - 2026');
    expect(stripSiteSuffix('Công an tỉnh - Sở Tư pháp ký kết', false)).toBe('Công an tỉnh - Sở Tư pháp ký kết');
    expect(stripSiteSuffix('Công an tỉnh ký kết quy chế - Tin Lâm Hà', true)).toBe('Công an tỉnh ký kết quy chế');
  });

  it('turns blocks into lines, collapses inline whitespace, decodes entities', () => {
    const $ = load('<div><p>Ban&nbsp;Tuyên giáo   <b>Tỉnh ủy</b></p>Công an<br>tỉnh<ul><li>Một</li><li>Hai &amp; ba</li></ul></div>');
    expect(textLines($('div').toArray())).toEqual(['Ban Tuyên giáo Tỉnh ủy', 'Công an', 'tỉnh', 'Một', 'Hai & ba']);
  });
});

describe('metadata that cleans down to nothing', () => {
  it('gives a null title, not an empty one, for a <title> of punctuation', async () => {
    const { cleanArticle } = await import('../pipeline/clean.js');
    const html = '<html><head><title>– - ́ ,</title></head><body><article><p>Sáng 3/5, Công an tỉnh tổ chức hội nghị.</p></article></body></html>';
    const out = cleanArticle({ source: 'x.html', format: 'html', encoding: 'utf-8', text: html, messages: [] });
    expect(out.title).toBeNull();
    expect(out.body).toContain('Công an tỉnh');
  });
});
