/**
 * Limits on the variable documents clients send, checked at both gateways before any command runs.
 *
 * Why: the engine changes its memory first and persists afterwards (see state/persistence/persistence-log.ts), so a
 * document it cannot serialise must be refused before it reaches the engine. A 10 KB document nested 5,000 deep
 * parses fine but overflows the stack in JSON.stringify, in FEEL and in every recursive walk. Zeebe bounds the
 * size (its gateway's maxMessageSize, 4 MB by default); it has no depth limit of its own because MessagePack is
 * written iteratively. We set both, and every walk here is iterative so the check itself cannot overflow.
 */
import { EngineError } from '../engine-api.js';

export interface VariableLimits {
  /** Deepest nesting of objects and arrays inside one document; the document itself is level 1. */
  maxDepth: number;
  /** Largest document, in bytes of its JSON text (UTF-8). */
  maxBytes: number;
}

export const defaultVariableLimits: VariableLimits = { maxDepth: 64, maxBytes: 4 * 1024 * 1024 };

/** Nesting depth of a JSON text, without parsing it (strings skipped). */
export function jsonTextDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 92 /* \ */) index += 1;
      else if (char === 34 /* " */) inString = false;
    } else if (char === 34) inString = true;
    else if (char === 123 /* { */ || char === 91 /* [ */) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (char === 125 /* } */ || char === 93 /* ] */) depth -= 1;
  }
  return deepest;
}

/** Nesting depth of a parsed value, iteratively; stops counting once above `stopAbove`. */
export function valueDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth > deepest) {
      deepest = item.depth;
      if (deepest > stopAbove) return deepest;
    }
    const children = Array.isArray(item.value) ? item.value : Object.values(item.value);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return deepest;
}

function tooDeep(field: string, limits: VariableLimits): EngineError {
  return new EngineError(
    'INVALID_ARGUMENT',
    `Expected argument '${field}' to be nested at most ${limits.maxDepth} levels deep (ENGINE_MAX_VARIABLE_DEPTH), but it is deeper`,
    { limit: 'ENGINE_MAX_VARIABLE_DEPTH' },
  );
}

function tooLarge(field: string, bytes: number, limits: VariableLimits): EngineError {
  return new EngineError(
    'INVALID_ARGUMENT',
    `Expected argument '${field}' to be at most ${limits.maxBytes} bytes (ENGINE_MAX_VARIABLES_BYTES), but it has ${bytes}`,
    { limit: 'ENGINE_MAX_VARIABLES_BYTES' },
  );
}

/** A variable document as JSON text (gRPC carries them so). */
export function checkVariablesText(text: string, field: string, limits: VariableLimits): void {
  // One UTF-16 unit takes at most three UTF-8 bytes, so a short text needs no byte count.
  if (text.length * 3 > limits.maxBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > limits.maxBytes) throw tooLarge(field, bytes, limits);
  }
  if (jsonTextDepth(text, limits.maxDepth) > limits.maxDepth) throw tooDeep(field, limits);
}

/** A parsed variable document (REST carries them so). */
export function checkVariablesValue(value: unknown, field: string, limits: VariableLimits): void {
  if (valueDepth(value, limits.maxDepth) > limits.maxDepth) throw tooDeep(field, limits);
  // Safe now that the depth is bounded.
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > limits.maxBytes) throw tooLarge(field, bytes, limits);
}

/**
 * Every member named `variables` (or `variableInstructions[].variables`) of a request, wherever the request puts it:
 * both gateways call this on the decoded request before the handler, so no handler can forget it. Walks at most a
 * few levels: the protocols put variables near the top.
 */
export function checkRequestVariables(request: unknown, limits: VariableLimits): void {
  const stack: { value: unknown; path: string; level: number }[] = [{ value: request, path: '', level: 0 }];
  while (stack.length > 0) {
    const { value, path, level } = stack.pop()!;
    if (value === null || typeof value !== 'object' || level > 4) continue;
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    for (const [name, member] of entries) {
      const memberPath = path ? `${path}.${name}` : name;
      if (name === 'variables' && typeof member === 'string') checkVariablesText(member, memberPath, limits);
      else if (name === 'variables' && member !== null && typeof member === 'object')
        checkVariablesValue(member, memberPath, limits);
      else stack.push({ value: member, path: memberPath, level: level + 1 });
    }
  }
}
