/**
 * Decoded photos kept in memory so switching back to a recent one costs no decoding. Bounded by
 * working pixels (a 12-MP photo holds ~100 MB as L* plus its canvas), least recently used first out.
 */
export class PhotoCache<P extends { grey: { width: number; height: number } }> {
  private readonly photos = new Map<string, P>();

  constructor(private readonly maxPixels = 16_000_000) {}

  get(id: string): P | undefined {
    const photo = this.photos.get(id);
    if (photo) {
      this.photos.delete(id);
      this.photos.set(id, photo);
    }
    return photo;
  }

  set(id: string, photo: P): void {
    this.photos.delete(id);
    this.photos.set(id, photo);
    let total = 0;
    for (const p of this.photos.values()) total += p.grey.width * p.grey.height;
    for (const [key, p] of this.photos) {
      if (total <= this.maxPixels || key === id) break;
      total -= p.grey.width * p.grey.height;
      this.photos.delete(key);
    }
  }

  delete(id: string): void {
    this.photos.delete(id);
  }
}
