import { describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/messages.en.js';
import { vi } from '../../web/src/i18n/messages.vi.js';
import {
  LOCALE_STORAGE_KEY,
  readLocale,
  writeLocale,
  type KeyValueStorage,
} from '../../web/src/i18n/locale-preference.js';

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return { data, getItem: (key) => data[key] ?? null, setItem: (key, value) => void (data[key] = value) };
}

describe('the interface language', () => {
  it('is Vietnamese by default and remembers the choice', () => {
    const storage = memoryStorage();
    expect(readLocale(storage)).toBe('vi');
    writeLocale(storage, 'en');
    expect(storage.data[LOCALE_STORAGE_KEY]).toBe('en');
    expect(readLocale(storage)).toBe('en');
  });

  it('falls back to Vietnamese for an unknown value or an unusable storage', () => {
    expect(readLocale(memoryStorage({ [LOCALE_STORAGE_KEY]: 'fr' }))).toBe('vi');
    expect(readLocale(undefined)).toBe('vi');
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readLocale(broken)).toBe('vi');
    expect(() => writeLocale(broken, 'en')).not.toThrow();
  });

  it('has every text in both languages, none left empty or untranslated', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const same = Object.keys(vi).filter(
      (key) =>
        typeof vi[key as keyof typeof vi] === 'string' &&
        vi[key as keyof typeof vi] === en[key as keyof typeof en],
    );
    expect(same).toEqual([]);
    for (const value of Object.values(en)) if (typeof value === 'string') expect(value.trim()).not.toBe('');
  });
});
