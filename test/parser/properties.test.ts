/**
 * Properties every parsed report must have, checked on every seed and fixture.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReport, ReportParseError, type ParsedReport } from '../../src/parser/index.ts';
import { parseFindingParams, renderFinding } from '../../src/lib/findings/messages.ts';

const root = path.resolve(import.meta.dirname, '../..');
const files = [
  ...readdirSync(path.join(root, 'data/raw')).map((n) => path.join(root, 'data/raw', n)),
  ...readdirSync(path.join(root, 'test/parser/input')).map((n) => path.join(root, 'test/parser/input', n)),
];

const parsed: [string, ParsedReport, string[]][] = [];
for (const file of files) {
  try {
    const bytes = readFileSync(file);
    const report = parseReport(new Uint8Array(bytes), path.basename(file));
    // Line numbers refer to the decoded text with \n line ends.
    const text = new TextDecoder(report.encoding.startsWith('utf-16') ? report.encoding.replace('-bom', '') : report.encoding === 'gb18030' ? 'gb18030' : 'utf-8').decode(bytes);
    parsed.push([path.basename(file), report, text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n')]);
  } catch (error) {
    if (!(error instanceof ReportParseError)) throw error;
  }
}

const sum = (values: (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0);

describe.each(parsed)('%s', (_name, report, lines) => {
  const [row] = report.reports;

  it('total_score = budget_score + the sum of indicator scores', () => {
    expect(row.total_score).toBeCloseTo((row.budget_score ?? 0) + sum(report.indicators.map((i) => i.score)), 6);
    expect(row.total_weight).toBeCloseTo((row.budget_weight ?? 0) + sum(report.indicators.map((i) => i.weight)), 6);
  });

  it('indicators are numbered 1..n and every merged group has one weight', () => {
    expect(report.indicators.map((i) => i.seq)).toEqual(report.indicators.map((_, k) => k + 1));
    const groups = new Map<string, number>();
    for (const i of report.indicators) if (i.group_id) groups.set(i.group_id, (groups.get(i.group_id) ?? 0) + (i.weight != null ? 1 : 0));
    for (const count of groups.values()) expect(count).toBeLessThanOrEqual(1);
  });

  it('every finding has a line that points at the text it is about', () => {
    for (const finding of report.findings) {
      expect(finding.line, `${finding.code} has no line`).not.toBeNull();
      const text = lines[finding.line! - 1];
      expect(text, `${finding.code}: line ${finding.line} is outside the file`).toBeDefined();
      expect(text.trim(), `${finding.code}: line ${finding.line} is blank`).not.toBe('');
      if (finding.field?.startsWith('indicators.') && finding.code !== 'LEVEL1_WEIGHT_MISMATCH') {
        const indicator = report.indicators.find((i) => i.level3_line === finding.line || (finding.code === 'ROW_REPAIRED' && i.line <= finding.line! && finding.line! <= i.level3_line));
        expect(indicator, `${finding.code}: line ${finding.line} starts no indicator`).toBeDefined();
      }
      if (finding.code === 'LEVEL1_WEIGHT_MISMATCH') expect(text).toMatch(/产出|效益|满意/);
      if (finding.code === 'TOTAL_SCORE_MISMATCH') expect(text).toContain('总分');
      if (finding.field === 'reports.department') expect(text).toContain('主管部门');
    }
  });

  it('every finding reads in both languages from its code and params, and the English names what the Chinese names', () => {
    for (const finding of report.findings) {
      const params = parseFindingParams(finding.params)!;
      const zh = finding.message;
      const en = renderFinding(finding.code, params, 'en')!;
      expect(renderFinding(finding.code, params, 'zh'), finding.code).toBe(zh);
      expect(en, `${finding.code}: no English for ${finding.message}`).toBeTruthy();
      expect(en, `${finding.code}: no English for ${finding.message}`).not.toBe(zh);
      // A quoted name (an indicator, a row, a category) in the Chinese half is quoted in the English one too.
      for (const [quoted] of zh.matchAll(/“[^“”]+”/g)) expect(en, `${finding.code}: ${finding.message}`).toContain(quoted);
    }
  });

  it('every indicator points at its 三级 text and its row starts at or before it', () => {
    for (const indicator of report.indicators) {
      if (indicator.level3 === '') continue;
      expect(lines[indicator.level3_line - 1].replace(/\s/g, ''), `indicator ${indicator.seq}`).toContain(indicator.level3.replace(/\s/g, '').slice(0, 4));
      expect(indicator.line).toBeLessThanOrEqual(indicator.level3_line);
    }
  });
});
