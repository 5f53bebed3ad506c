const LEVELS: Record<number, string> = { 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * The service's log lines (level warn and above; pino JSON) grouped into "level what → status" with counts, so the
 * report shows e.g. `warn POST /api/inbox/tasks/:key/complete → 422 ×5` instead of five request dumps.
 */
export function summariseServerLog(lines: string[]): { line: string; count: number }[] {
  const groups = new Map<string, number>();
  for (const raw of lines) {
    let entry: {
      level?: number;
      msg?: string;
      req?: { method?: string; url?: string };
      res?: { statusCode?: number };
      err?: { message?: string };
    };
    try {
      entry = JSON.parse(raw) as typeof entry;
    } catch {
      groups.set(`(not JSON) ${raw.slice(0, 200)}`, (groups.get(`(not JSON) ${raw.slice(0, 200)}`) ?? 0) + 1);
      continue;
    }
    const level = LEVELS[entry.level ?? 0] ?? `level ${entry.level}`;
    const what = entry.req
      ? `${entry.req.method} ${(entry.req.url ?? '').replace(/\/\d+(?=\/|\?|$)/g, '/:key').split('?')[0]} → ${entry.res?.statusCode ?? '?'}`
      : (entry.msg ?? '');
    const detail = entry.err?.message ? `: ${entry.err.message.slice(0, 200)}` : '';
    const key = `${level} ${what}${detail}`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([line, count]) => ({ line, count })).sort((a, b) => b.count - a.count);
}
