import { useEffect, useState } from 'react';

export interface StorageStatus {
  /** Bytes this site stores and may store (navigator.storage.estimate); null when unknown. */
  usage: number | null;
  quota: number | null;
  /** Whether the browser promised to keep the library when space runs low; null when unknown. */
  persisted: boolean | null;
}

/**
 * Asks once for persistent storage (without it a browser may evict the library under storage
 * pressure) and re-reads the estimate whenever `version` changes (after library writes).
 */
export function useStorageStatus(version: number): StorageStatus {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [estimate, setEstimate] = useState<{ usage: number | null; quota: number | null }>({
    usage: null,
    quota: null,
  });

  useEffect(() => {
    const storage = navigator.storage;
    if (!storage?.persisted) return;
    storage
      .persisted()
      .then((already) => already || storage.persist())
      .then(setPersisted, () => setPersisted(null));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the re-read trigger
  useEffect(() => {
    navigator.storage?.estimate?.().then(
      (e) => setEstimate({ usage: e.usage ?? null, quota: e.quota ?? null }),
      () => {},
    );
  }, [version]);

  return { ...estimate, persisted };
}

/** 1234567 → "1.2 MB" (decimal units, as browsers and file managers show sizes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1e3) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1e3;
  let unit = 0;
  while (value >= 1e3 && unit < units.length - 1) {
    value /= 1e3;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
