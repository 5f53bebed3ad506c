/* form-js's own words (form-js-words.vi.ts) kept in the app's language in a rendered form. */
import type { Locale } from '../../i18n/messages.types.js';
import { localiseDatePickers } from './flatpickr-locale.js';
import { translateUiText } from './form-js-words.vi.js';

/** The form-js elements whose own text is translated; a form's labels, values and texts are never touched. */
const TEXT_HOSTS = [
  '.fjs-select-display',
  '.fjs-dropdownlist-empty',
  '.fjs-repeat-render-add',
  '.fjs-repeat-render-collapse',
  '.fjs-taglist-skip-link',
  // A table's "Nothing to show." and the " of " between its page numbers (form-js's own text nodes there).
  '.fjs-table-middle-container',
  '.fjs-table-nav-label',
  '.fjs-filepicker-button',
  '.fjs-filepicker-container > .fjs-form-field-label',
].join(', ');
/** Attributes of form-js elements, each only on the elements listed. */
const ATTRIBUTE_HOSTS: readonly (readonly [attribute: string, selector: string])[] = [
  ['placeholder', '.fjs-form-field-select input, .fjs-form-field-taglist input'],
  [
    'aria-label',
    [
      '.fjs-repeat-row-remove',
      '.fjs-number-arrow-up',
      '.fjs-number-arrow-down',
      '.fjs-datepicker .flatpickr-monthDropdown-months',
      '.fjs-datepicker .cur-year',
      '.fjs-table-th',
      '.fjs-table-nav-button',
    ].join(', '),
  ],
  ['title', '.fjs-taglist-tag-remove, .fjs-powered-by-link'],
];
const ATTRIBUTES = ATTRIBUTE_HOSTS.map(([attribute]) => attribute);

/** Translates form-js's words inside the root into the locale. */
export function translateWithin(root: Element, locale: Locale): void {
  for (const host of root.querySelectorAll(TEXT_HOSTS))
    for (const node of host.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent) continue;
      const translated = translateUiText(node.textContent, locale);
      if (translated !== undefined && translated !== node.textContent) node.textContent = translated;
    }
  for (const [attribute, selector] of ATTRIBUTE_HOSTS)
    for (const element of root.querySelectorAll(selector)) {
      const current = element.getAttribute(attribute);
      const translated = current === null ? undefined : translateUiText(current, locale);
      if (translated !== undefined && translated !== current) element.setAttribute(attribute, translated);
    }
  localiseDatePickers(root, locale);
}

/** The app's language, as the I18nProvider writes it on <html lang>. */
function pageLocale(): Locale {
  return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'vi';
}

/** Keeps form-js's own words in the app's language while the form lives; returns the function that stops it. */
export function translateFormJsTexts(container: Element): () => void {
  const run = () => translateWithin(container, pageLocale());
  run();
  const inForm = new MutationObserver(run);
  inForm.observe(container, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
  const language = new MutationObserver(run);
  language.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => {
    inForm.disconnect();
    language.disconnect();
  };
}
