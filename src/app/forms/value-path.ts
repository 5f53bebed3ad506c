/** Paths into submitted data: segments are object keys or array indexes. */
export type PathSegment = string | number;
export type ValuePath = readonly PathSegment[];

/** form-js keys and paths are dot-separated ("address.street"); an empty or missing path adds no level. */
export function splitKey(key: string | undefined): string[] {
  if (!key) return [];
  return key.split('.').filter((part) => part.length > 0);
}

/** How a field is named in error reports: "members.0.name", the same dot notation as form-js keys. */
export function formatPath(path: ValuePath): string {
  return path.join('.');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(root: unknown, path: ValuePath): unknown {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (!isPlainObject(current) || !Object.hasOwn(current, segment)) return undefined;
      current = current[segment];
    }
  }
  return current;
}

/** Removes the value at a path; returns whether something was there. */
export function deleteAt(root: unknown, path: ValuePath): boolean {
  if (path.length === 0) return false;
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1] as PathSegment;
  if (isPlainObject(parent) && typeof last === 'string' && Object.hasOwn(parent, last)) {
    delete parent[last];
    return true;
  }
  return false;
}

/** Sets a value, creating missing objects on the way; refuses to go through anything that is not a container. */
export function setAt(root: Record<string, unknown>, path: ValuePath, value: unknown): boolean {
  let current: unknown = root;
  for (const [index, segment] of path.entries()) {
    const last = index === path.length - 1;
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return false;
      if (last) current[segment] = value;
      else current = current[segment];
      continue;
    }
    if (!isPlainObject(current)) return false;
    if (last) {
      current[segment] = value;
    } else {
      if (current[segment] === undefined) current[segment] = {};
      current = current[segment];
    }
  }
  return path.length > 0;
}

/** Empty as form-js means it for "required": nothing, null, '', an empty list, an unticked checkbox. */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** A JSON deep copy: submitted data is plain JSON, and we must not mutate the caller's object. */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (structuredClone(value) as T);
}
