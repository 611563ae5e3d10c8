import { describe, expect, it } from 'vitest';
import { clock, ProgressLine } from '../../src/cli/progress';

describe('progress line', () => {
  it('rewrites one line with done/total, failures, and clears it before a full message', () => {
    let screen = '';
    const line = new ProgressLine((text) => {
      screen += text;
    });
    line.update({ total: 10, written: 0, skipped: 3, failed: 0 });
    expect(screen).toBe('\r\x1b[2K[3/10] 0.00 photos/s'); // nothing colorized yet: no rate, no ETA
    screen = '';
    line.started();
    line.update({ total: 10, written: 2, skipped: 3, failed: 1 });
    expect(screen.startsWith('\r\x1b[2K')).toBe(true);
    expect(screen.slice(5)).toMatch(/^\[6\/10\] \d+\.\d\d photos\/s · \d+:\d\d left · 1 failed$/);
    screen = '';
    line.clear();
    line.clear(); // only once: nothing is shown any more
    expect(screen).toBe('\r\x1b[2K');
  });

  it('formats time left as m:ss or h:mm:ss', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(75)).toBe('1:15');
    expect(clock(4000)).toBe('1:06:40');
  });
});
