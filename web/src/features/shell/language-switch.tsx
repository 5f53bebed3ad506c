import { useI18n } from '../../i18n/i18n.js';
import { LOCALES, type Locale } from '../../i18n/messages.types.js';

const names: Record<Locale, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Two buttons, the current language pressed; each name is written in its own language. */
export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <div class="language-switch" role="group" aria-label={t.language}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          class="language-switch__option"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => setLocale(option)}
        >
          {names[option]}
        </button>
      ))}
    </div>
  );
}
