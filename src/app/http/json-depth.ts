import type { RequestHandler } from 'express';
import { AppError } from '../../lib/errors.js';

/** Deeper than any form (a group in a dynamic list in a group is a handful of levels). */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a parsed JSON value, walked without recursion (so a deep value cannot overflow the stack). */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
  return false;
}

/** Refuses a body nested deeper than MAX_JSON_DEPTH before anything walks it recursively (400, not a stack overflow). */
export const jsonDepthGuard: RequestHandler = (req, _res, next) => {
  if (exceedsDepth(req.body, MAX_JSON_DEPTH))
    return next(
      new AppError(
        400,
        'too_deeply_nested',
        `Dữ liệu gửi lên lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} cấp).`,
      ),
    );
  next();
};
