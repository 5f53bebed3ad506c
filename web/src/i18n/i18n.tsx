import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { events } from '../lib/event-bus.js';
import { en } from './messages.en.js';
import type { Locale, Messages } from './messages.types.js';
import { vi } from './messages.vi.js';
import { readLocale, writeLocale } from './locale-preference.js';

const tables: Record<Locale, Messages> = { vi, en };

export interface I18n {
  locale: Locale;
  t: Messages;
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n>({ locale: 'vi', t: vi, setLocale: () => undefined });

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [locale, setLocaleState] = useState<Locale>(() => readLocale(globalThis.localStorage));
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    writeLocale(globalThis.localStorage, next);
    setLocaleState(next);
    events.emit('locale.changed', { locale: next });
  }, []);
  const value = useMemo(() => ({ locale, t: tables[locale], setLocale }), [locale, setLocale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
