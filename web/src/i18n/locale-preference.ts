import { LOCALES, type Locale } from './messages.types.js';

/** Where the user's language choice is kept between visits. */
export const LOCALE_STORAGE_KEY = 'dan-van.locale';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function isLocale(value: string | null): value is Locale {
  return value !== null && (LOCALES as readonly string[]).includes(value);
}

/** The remembered locale, Vietnamese when none (or an unknown one) is stored or storage is unavailable. */
export function readLocale(storage: KeyValueStorage | undefined): Locale {
  try {
    const stored = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
    return isLocale(stored) ? stored : 'vi';
  } catch {
    return 'vi';
  }
}

export function writeLocale(storage: KeyValueStorage | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode or a full quota: the choice lasts for this page only.
  }
}
