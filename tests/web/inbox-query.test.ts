import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY,
  priorityLevel,
  queryFromSearch,
  searchFromQuery,
} from '../../web/src/features/inbox/inbox-query.js';

describe("the inbox's filters in the address", () => {
  it('round-trips every filter, and leaves defaults out of the address', () => {
    const query = {
      ...DEFAULT_QUERY,
      scope: 'unclaimed',
      processId: 'bao-cao',
      due: 'overdue',
      priority: 'high',
      sort: 'priority',
      page: 3,
    } as const;
    const search = searchFromQuery(query);
    expect(search).toBe('?scope=unclaimed&process=bao-cao&due=overdue&priority=high&sort=priority&page=3');
    expect(queryFromSearch(new URLSearchParams(search))).toEqual(query);
    expect(searchFromQuery(DEFAULT_QUERY)).toBe('');
  });

  it('opens on every task the user may see, and puts any other scope in the address', () => {
    expect(queryFromSearch(new URLSearchParams('')).scope).toBe('all');
    expect(searchFromQuery({ ...DEFAULT_QUERY, scope: 'all' })).toBe('');
    expect(searchFromQuery({ ...DEFAULT_QUERY, scope: 'mine' })).toBe('?scope=mine');
    expect(queryFromSearch(new URLSearchParams('scope=mine')).scope).toBe('mine');
  });

  it('ignores unknown or malformed values', () => {
    const query = queryFromSearch(new URLSearchParams('scope=everything&due=tomorrow&page=-2&sort=name'));
    expect(query).toEqual(DEFAULT_QUERY);
  });

  it("maps Camunda's 0–100 priority to three levels", () => {
    expect([
      priorityLevel(100),
      priorityLevel(75),
      priorityLevel(74),
      priorityLevel(25),
      priorityLevel(0),
    ]).toEqual(['high', 'high', 'medium', 'medium', 'low']);
  });
});
