import { describe, expect, it } from 'vitest';
import { parseInboxQuery } from '../../../src/app/inbox/inbox-query.js';
import { DEFAULT_QUERY, searchFromQuery } from '../../../web/src/features/inbox/inbox-query.js';

describe("the inbox list's query string", () => {
  it('lists every task the user may see when no scope is given, as the browser leaves the default out', () => {
    expect(parseInboxQuery({}).scope).toBe('all');
    expect(parseInboxQuery({ scope: 'everything' }).scope).toBe('all');
    expect(parseInboxQuery({ scope: 'mine' }).scope).toBe('mine');
    expect(parseInboxQuery({ scope: 'unclaimed' }).scope).toBe('unclaimed');
  });

  it("reads the browser's address back as the browser meant it", () => {
    for (const scope of ['mine', 'unclaimed', 'all'] as const) {
      const search = new URLSearchParams(searchFromQuery({ ...DEFAULT_QUERY, scope }));
      expect(parseInboxQuery(Object.fromEntries(search))).toEqual({ ...DEFAULT_QUERY, scope });
    }
  });
});
