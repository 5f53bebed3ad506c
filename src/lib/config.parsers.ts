/** What express's `trust proxy` accepts: off, on, a hop count, or a list of addresses/subnets/names. */
export type TrustProxy = boolean | number | string[];

// Parsers of environment values: each returns the value or a reason in Vietnamese, never throws.

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
export const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

export function integer(min: number, max: number) {
  return (raw: string): Parsed<number> => {
    if (!/^\d+$/.test(raw)) return bad(`phải là số nguyên từ ${min} đến ${max}`);
    const value = Number(raw);
    return value >= min && value <= max ? ok(value) : bad(`phải là số nguyên từ ${min} đến ${max}`);
  };
}

export function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): Parsed<T> =>
    (values as readonly string[]).includes(raw)
      ? ok(raw as T)
      : bad(`phải là một trong: ${values.join(', ')}`);
}

export function boolean(raw: string): Parsed<boolean> {
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return ok(true);
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return ok(false);
  return bad('phải là true hoặc false');
}

export function urlWithSchemes(schemes: string[]) {
  return (raw: string): Parsed<string> => {
    try {
      const url = new URL(raw);
      if (!schemes.includes(url.protocol.replace(/:$/, '')))
        return bad(`phải bắt đầu bằng ${schemes.join(':// hoặc ')}://`);
      return ok(raw);
    } catch {
      return bad('không phải một địa chỉ URL hợp lệ');
    }
  };
}

export function trustProxy(raw: string): Parsed<TrustProxy> {
  if (raw === 'true' || raw === 'false') return ok(raw === 'true');
  if (/^\d+$/.test(raw)) return ok(Number(raw));
  const parts = raw.split(',').map((part) => part.trim());
  return parts.every((part) => /^[\w.:/-]+$/.test(part))
    ? ok(parts)
    : bad('phải là true, false, số tầng proxy hoặc danh sách địa chỉ');
}

export function hostPort(raw: string): Parsed<string> {
  return /^(grpcs?:\/\/)?[\w.-]+:\d{1,5}$/.test(raw) ? ok(raw) : bad('phải có dạng host:port');
}
