import { escapeMarkdownValue } from './markdown-escape.js';

interface TemplatingOptions {
  debug?: boolean;
  strict?: boolean;
  sanitizer?: (value: unknown) => string;
  buildDebugString?: (error: Error) => string;
}

/** form-js's templating service (FeelersTemplating): the one place every template value passes through. */
interface TemplatingService {
  evaluate(template: string, context?: Record<string, unknown>, options?: TemplatingOptions): string;
}

/**
 * Makes every value inserted into a text view's template inert (markdown-escape.ts). form-js 1.23 (pinned) renders
 * templates in three ways: text views as markdown → HTML, without a sanitizer (they call evaluate with `strict`);
 * HTML views with its own `escapeHTML` sanitizer; labels, alt texts and adorners as plain text (only `debug`). So the
 * escaping goes where no sanitizer was asked for and `strict` is given; a plain-text label is left alone, as its
 * renderer shows it as text anyway. tests/e2e/template-escaping.test.ts proves it in Chromium.
 */
function SafeTemplating(templating: TemplatingService): void {
  const evaluate = templating.evaluate.bind(templating);
  templating.evaluate = (template, context = {}, options = {}) =>
    evaluate(
      template,
      context,
      options.sanitizer || !('strict' in options) ? options : { ...options, sanitizer: escapeMarkdownValue },
    );
}
SafeTemplating.$inject = ['templating'];

/** A form-js (didi) module: pass it in `additionalModules`. */
export const safeTemplatingModule = {
  __init__: ['safeTemplating'],
  safeTemplating: ['type', SafeTemplating],
};
