import type { Locale } from '../../i18n/messages.types.js';
import { FLATPICKR_ARIA_DATE_FORMAT, FLATPICKR_VIETNAMESE } from './form-js-words.vi.js';

/**
 * The part of a flatpickr instance used here; flatpickr keeps it on its input as `_flatpickr`. form-js creates its date
 * pickers with flatpickr's English texts; `set({ locale })`, flatpickr's own extension point, switches one.
 */
interface DatePicker {
  set(options: { locale: object | 'default'; ariaDateFormat: string }): void;
}

const applied = new WeakMap<DatePicker, Locale>();

/** Sets the locale of every date picker of form-js inside the root that does not have it yet. */
export function localiseDatePickers(root: Element, locale: Locale): void {
  // form-js's own date input (data-input), not the year input inside flatpickr's calendar.
  for (const input of root.querySelectorAll('.fjs-datepicker input[data-input]')) {
    const picker = (input as { _flatpickr?: DatePicker })._flatpickr;
    if (!picker || applied.get(picker) === locale) continue;
    // An instance form-js just created is English; only a Vietnamese one ever needs switching back.
    if (locale === 'en' && !applied.has(picker)) continue;
    applied.set(picker, locale);
    picker.set({
      locale: locale === 'vi' ? FLATPICKR_VIETNAMESE : 'default',
      ariaDateFormat: FLATPICKR_ARIA_DATE_FORMAT[locale],
    });
  }
}
