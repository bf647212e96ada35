import { describe, expect, it } from 'vitest';
import { onDemand } from '../../src/lib/on-demand.ts';

describe('onDemand', () => {
  it('imports once, and has the value at hand afterwards', async () => {
    let imports = 0;
    const module = onDemand(async () => ({ n: ++imports }));
    expect(module.current()).toBeUndefined();
    const [a, b] = await Promise.all([module.load(), module.load()]);
    expect(a).toBe(b);
    expect(module.current()).toEqual({ n: 1 });
    expect(imports).toBe(1);
  });

  it('tries again after a failed import', async () => {
    let attempt = 0;
    const module = onDemand(async () => {
      if (++attempt === 1) throw new Error('offline');
      return 'loaded';
    });
    await expect(module.load()).rejects.toThrow('offline');
    expect(module.current()).toBeUndefined();
    await expect(module.load()).resolves.toBe('loaded');
    expect(attempt).toBe(2);
  });
});
