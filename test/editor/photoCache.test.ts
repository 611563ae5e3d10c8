import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../src/editor/hooks/useStorageStatus';
import { PhotoCache } from '../../src/editor/library/photoCache';

const photo = (megapixels: number) => ({ grey: { width: megapixels * 1000, height: 1000 } });

describe('PhotoCache (decoded photos kept for instant switching)', () => {
  it('drops the least recently used photos beyond its pixel budget', () => {
    const cache = new PhotoCache(10_000_000);
    cache.set('a', photo(4));
    cache.set('b', photo(4));
    expect(cache.get('a')).toBeDefined(); // a is now the most recently used
    cache.set('c', photo(4));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
  });

  it('keeps the photo just added even when it alone exceeds the budget', () => {
    const cache = new PhotoCache(10_000_000);
    cache.set('a', photo(4));
    cache.set('big', photo(12));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('big')).toBeDefined();
    cache.delete('big');
    expect(cache.get('big')).toBeUndefined();
  });
});

describe('formatBytes (storage use in the library menu)', () => {
  it.each([
    [512, '512 B'],
    [1234, '1.2 kB'],
    [56_000_000, '56 MB'],
    [2_100_000_000, '2.1 GB'],
  ])('%i → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});
