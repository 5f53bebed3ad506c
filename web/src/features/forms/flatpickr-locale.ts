import type { Locale } from '../../i18n/messages.types.js';
import { DATE_PLACEHOLDER, FLATPICKR_DATE_FORMAT } from '../../lib/dates.js';
import { FLATPICKR_ARIA_DATE_FORMAT, FLATPICKR_VIETNAMESE } from './form-js-words.vi.js';

/**
 * The part of a flatpickr instance used here; flatpickr keeps it on its input as `_flatpickr`. form-js creates its date
 * pickers with flatpickr's English texts and a date format taken from the browser's locale (3/12/2026 in vi-VN,
 * 12/3/2026 in en-US); `set(…)`, flatpickr's own extension point, switches an instance's texts and format.
 */
interface DatePicker {
  set(options: { locale?: object | 'default'; ariaDateFormat?: string; dateFormat?: string }): void;
}

const applied = new WeakMap<DatePicker, Locale>();

/**
 * Gives every date picker of form-js inside the root the app's date format (dd/MM/yyyy in either language, whatever the
 * browser's locale) and the locale's month and weekday names.
 */
export function localiseDatePickers(root: Element, locale: Locale): void {
  // form-js's own date input (data-input), not the year input inside flatpickr's calendar.
  for (const input of root.querySelectorAll<HTMLInputElement>('.fjs-datepicker input[data-input]')) {
    if (input.placeholder !== DATE_PLACEHOLDER) input.placeholder = DATE_PLACEHOLDER;
    const picker = (input as { _flatpickr?: DatePicker })._flatpickr;
    if (!picker || applied.get(picker) === locale) continue;
    // A new instance has the browser's date format; setting it also rewrites a value already shown in that format.
    const format = applied.has(picker) ? {} : { dateFormat: FLATPICKR_DATE_FORMAT };
    applied.set(picker, locale);
    picker.set({
      ...format,
      locale: locale === 'vi' ? FLATPICKR_VIETNAMESE : 'default',
      ariaDateFormat: FLATPICKR_ARIA_DATE_FORMAT[locale],
    });
  }
}
