import { describe, expect, it } from 'vitest';
import { htmlToRichText, withCspSafeTooltips, type ChartOption } from '../../src/components/chart-option.ts';

describe('tooltips under the CSP', () => {
  it('draws every tooltip on the canvas', () => {
    const option = withCspSafeTooltips({ tooltip: { trigger: 'axis' } } as ChartOption) as { tooltip: Record<string, unknown> };
    expect(option.tooltip).toMatchObject({ trigger: 'axis', renderMode: 'richText' });
  });

  it('turns the HTML a formatter returns into plain lines', () => {
    const option = withCspSafeTooltips({ tooltip: { formatter: () => '<b>株洲市</b><br/>全年预算：3,817.84 万元 &amp; more' } } as ChartOption) as { tooltip: { formatter: () => string } };
    expect(option.tooltip.formatter()).toBe('株洲市\n全年预算：3,817.84 万元 & more');
  });

  it('leaves options without a tooltip, and plain strings, as they are', () => {
    const plain = { series: [] } as ChartOption;
    expect(withCspSafeTooltips(plain)).toBe(plain);
    expect(htmlToRichText('达成 28 个')).toBe('达成 28 个');
    expect(htmlToRichText(42)).toBe(42);
  });

  it('decodes the numeric entities that builders escape names with', () => {
    expect(htmlToRichText('A&#38;B &#60;x&#62; &#34;q&#34;')).toBe('A&B <x> "q"');
  });
});
