/**
 * FEEL's matches/replace/split run JavaScript regular expressions (feelin compiles them with the `u` flag) on
 * values a process carries. A pattern such as `(a+)+$` backtracks exponentially and would hold the event loop
 * for minutes, and no step budget can count inside one native match. V8's linear-time fallback does not serve
 * `u` patterns, so patterns that can backtrack exponentially are refused before they run:
 * - a repeated group that itself contains a repetition or an alternation (`(a+)+`, `(a|aa)*`, `(\w+\s?)*`);
 * - back-references and lookarounds (which XPath's regular expressions, followed by FEEL, do not have anyway).
 * This is the classic "star height" test: it refuses a few harmless patterns, never a catastrophic one of
 * those shapes. Single repetitions (`^\d{4}-\d{2}$`, `[a-z]+@.+`) run as before.
 */

/** Why the pattern is refused, or null when it is safe to run. */
export function unboundedPatternReason(pattern: string): string | null {
  if (/\\[1-9]|\\k</.test(pattern)) return 'uses a back-reference';
  if (/\(\?<?[=!]/.test(pattern)) return 'uses a lookaround';
  // For each open group: does it contain a repetition or an alternation?
  const groups: boolean[] = [];
  let risky = false; // the last closed group contained one
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index]!;
    if (char === '\\') {
      index += 1;
      risky = false;
      continue;
    }
    if (char === '[') {
      // Skip the character class (a `]` right after `[` or `[^` is literal).
      index += pattern[index + 1] === '^' ? 2 : 1;
      if (pattern[index] === ']') index += 1;
      while (index < pattern.length && pattern[index] !== ']') index += pattern[index] === '\\' ? 2 : 1;
      risky = false;
      continue;
    }
    if (char === '(') {
      groups.push(false);
      risky = false;
      continue;
    }
    if (char === ')') {
      risky = groups.pop() ?? false;
      if (risky && groups.length > 0) groups[groups.length - 1] = true;
      continue;
    }
    const repeats =
      char === '*' || char === '+' || (char === '{' && /^\{\d*,?\d*\}/.test(pattern.slice(index)));
    if (char === '|' || repeats) {
      if (repeats && risky) return 'repeats a group that itself repeats or alternates (nested quantifiers)';
      if (groups.length > 0) groups[groups.length - 1] = true;
    }
    risky = false;
  }
  return null;
}
