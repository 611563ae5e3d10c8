import { describe, expect, it } from 'vitest';
import { abKey, withUniqueKeys } from '../../src/editor/ui/uniqueKeys';

describe('withUniqueKeys', () => {
  it('gives repeated colours distinct keys and keeps the first one’s content key', () => {
    const colours = [
      [5, 0],
      [0, -13],
      [5, 0],
      [5, 0],
    ];
    const keys = withUniqueKeys(colours, abKey).map((k) => k.key);
    expect(keys).toEqual(['5,0', '0,-13', '5,0#2', '5,0#3']);
    expect(new Set(keys).size).toBe(colours.length);
  });

  it('keeps items in order', () => {
    expect(withUniqueKeys(['a', 'b'], (s) => s).map((k) => k.item)).toEqual(['a', 'b']);
  });
});
