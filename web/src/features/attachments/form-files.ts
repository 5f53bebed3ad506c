import type { AttachmentRef, FormData } from '../../lib/contracts.js';

/** form-js's reference to files its page holds (FilePicker: `files::<id>`), kept in its file registry. */
const FILES_KEY = /^files::/;

type Uploader = (field: string, file: File) => Promise<AttachmentRef>;

/** Where form-js's file references are in the data: their path and the field key (list indexes left out). */
function fileReferences(
  value: unknown,
  path: (string | number)[] = [],
): { path: (string | number)[]; key: string }[] {
  if (typeof value === 'string')
    return FILES_KEY.test(value)
      ? [{ path, key: path.filter((segment) => typeof segment === 'string').join('.') }]
      : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => fileReferences(item, [...path, index]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([name, item]) => fileReferences(item, [...path, name]));
  return [];
}

function setAt(root: FormData, path: readonly (string | number)[], value: unknown): void {
  let current: unknown = root;
  path.forEach((segment, index) => {
    const container = current as Record<string | number, unknown>;
    if (index === path.length - 1) container[segment] = value;
    else current = container[segment];
  });
}

/**
 * The data to submit once the files chosen in the form are uploaded: each file picker's `files::…` reference is
 * replaced by the stored files' references, which the server checks. One file after the other, so a refusal (too
 * large, wrong type) names its file and stops before the others are sent.
 */
export async function withUploadedFiles(
  data: FormData,
  files: ReadonlyMap<string, readonly File[]>,
  upload: Uploader,
): Promise<FormData> {
  const copy = structuredClone(data);
  for (const { path, key } of fileReferences(data)) {
    const reference = path.reduce<unknown>(
      (node, segment) => (node as Record<string | number, unknown>)[segment],
      data,
    ) as string;
    const refs: AttachmentRef[] = [];
    for (const file of files.get(reference) ?? []) refs.push(await upload(key, file));
    setAt(copy, path, refs);
  }
  return copy;
}
