/**
 * Element nesting depth of an XML text, found by a flat scan before any parser builds a tree. bpmn-moddle reads
 * XML with a streaming parser but builds and walks the element tree recursively, and so do our scope walker and
 * validators: a 10,000-deep `<subProcess>` nesting overflowed the stack (a 500 instead of a refused deployment).
 * No real BPMN comes near the limit: definitions › process › sub-processes › their elements › extensions.
 */
export const MAX_XML_DEPTH = 100;

/** The deepest element nesting, or the first depth above `stopAbove`. Comments, CDATA and declarations are skipped. */
export function xmlDepth(xml: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let index = xml.indexOf('<');
  while (index >= 0 && index < xml.length) {
    const next = xml.charCodeAt(index + 1);
    if (xml.startsWith('<!--', index)) index = skipPast(xml, '-->', index);
    else if (xml.startsWith('<![CDATA[', index)) index = skipPast(xml, ']]>', index);
    else if (next === 63 /* ? */ || next === 33 /* ! */) index = skipPast(xml, '>', index);
    else if (next === 47 /* / */) {
      depth -= 1;
      index = skipPast(xml, '>', index);
    } else {
      const end = tagEnd(xml, index);
      if (end < 0) return deepest;
      if (xml.charCodeAt(end - 1) !== 47 /* / */) {
        depth += 1;
        if (depth > deepest) deepest = depth;
        if (deepest > stopAbove) return deepest;
      } else if (depth + 1 > deepest) deepest = depth + 1;
      index = end + 1;
    }
    index = xml.indexOf('<', index);
  }
  return deepest;
}

function skipPast(xml: string, terminator: string, from: number): number {
  const at = xml.indexOf(terminator, from);
  return at < 0 ? xml.length : at + terminator.length;
}

/** Index of the `>` closing a start tag, past quoted attribute values (which may contain `>`). */
function tagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let index = from + 1; index < xml.length; index += 1) {
    const char = xml.charCodeAt(index);
    if (quote) {
      if (char === quote) quote = 0;
    } else if (char === 34 || char === 39) quote = char;
    else if (char === 62 /* > */) return index;
  }
  return -1;
}
