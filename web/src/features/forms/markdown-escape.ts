/**
 * A value inserted into a form's text template, made inert: form-js renders text views as markdown (marked, GFM, with
 * line breaks) and then as HTML, so a submitted name such as `<a href="…">Xem hồ sơ</a>`, `![x](…)`, `[x](…)` or a
 * bare `https://…` must come out as the characters typed, never as a link, an image or markup.
 *
 * HTML's characters become entities (markdown passes entities through as text); every other ASCII punctuation mark is
 * backslash-escaped (CommonMark lets any be), which also breaks GFM's autolinks (`https\:`, `www\.`, `a\@b`).
 */
const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const PUNCTUATION = /[&<>"'!#$%()*+,\-./:;=?@[\\\]^_`{|}~]/g;

export function escapeMarkdownValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return (
    text
      .replace(PUNCTUATION, (mark) => HTML_ENTITIES[mark] ?? `\\${mark}`)
      // A line break stays a line break (breaks: true) but cannot start a block (heading, list, code, quote).
      .replace(/\r\n?|\n/g, '\n')
      .replace(/\n[ \t]+/g, '\n')
  );
}
