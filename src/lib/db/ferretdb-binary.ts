import { spawn } from 'node:child_process';
import { access, copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { constants, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FERRETDB_VERSION = 'v1.24.2';

/**
 * Fixes applied to FerretDB's source before it is built. Each names the defect it repairs; the build stops if the
 * text it replaces is not found, so a version change cannot silently drop one.
 */
export const FERRETDB_PATCHES: readonly { file: string; find: string; replace: string; why: string }[] = [
  {
    why:
      'The SQLite backend indexes `_id` as `_ferretdb_sjson->"_id"` but looks it up as `_ferretdb_sjson->\'$._id\'`, ' +
      'an expression SQLite does not match to that index: every find, update and delete by `_id` scanned the whole ' +
      'collection (measured: 73 ms per deleteOne at 30,000 documents). 1.24 is the last 1.x release, so no upstream fix.',
    file: 'internal/backends/sqlite/metadata/metadata.go',
    find: `IDColumn = DefaultColumn + "->'$._id'"`,
    replace: `IDColumn = DefaultColumn + "->\\"_id\\""`,
  },
  // The next five let a query use a "pushdown_" index (tools/ferretdb/patches/pushdown_indexed.go). Without them the
  // SQLite backend reads, decodes and filters every document for every query but a lookup by `_id`: an engine history
  // search over 1,000,000 finished instances took seconds, where MongoDB answers from its indexes.
  {
    why: 'the handler passes the sort and the skip+limit of a find as hints the backend may serve from an index',
    file: 'internal/backends/collection.go',
    find: `\tOnlyRecordIDs bool\n\tComment       string\n}`,
    replace:
      `\tOnlyRecordIDs bool\n\tComment       string\n\n` +
      `\tHintSort  *types.Document // the find's sort, for a backend that can serve it exactly\n` +
      `\tHintLimit int64           // skip+limit, applied only where the backend serves filter and sort exactly\n` +
      `\tCountOnly bool            // the caller wants only the count of matches\n}`,
  },
  {
    why: 'a backend answers a count from COUNT(*) when its WHERE is exactly the filter',
    file: 'internal/backends/collection.go',
    find: `type QueryResult struct {\n\tIter types.DocumentsIterator\n}`,
    replace:
      `type QueryResult struct {\n\tIter types.DocumentsIterator\n\n` +
      `\tCount   int64 // the number of matches, when Counted\n\tCounted bool\n}`,
  },
  {
    why: 'the SQLite backend plans its WHERE, ORDER BY, LIMIT and COUNT from a "pushdown_" index',
    file: 'internal/backends/sqlite/collection.go',
    find:
      `\tq += whereClause\n\tq += prepareOrderByClause(params.Sort)\n\n` +
      `\tif params.Limit != 0 {\n\t\tq += \` LIMIT ?\`\n\t\targs = append(args, params.Limit)\n\t}\n\n` +
      `\trows, err := db.QueryContext(ctx, q, args...)`,
    replace:
      `\tvar plan indexedQuery\n` +
      `\tif whereClause == "" && !meta.Capped() {\n` +
      `\t\tplan = planIndexedQuery(meta, params.Filter, params.HintSort)\n` +
      `\t\twhereClause = plan.where\n\t\targs = append(args, plan.args...)\n\t}\n\n` +
      `\tif params.CountOnly && plan.exact {\n` +
      `\t\tvar count int64\n` +
      `\t\tcountQuery := fmt.Sprintf(\`SELECT count(*) FROM %q\`, meta.TableName) + whereClause\n` +
      `\t\tif params.HintLimit > 0 {\n` +
      `\t\t\tcountQuery = fmt.Sprintf(\`SELECT count(*) FROM (SELECT 1 FROM %q%s LIMIT %d)\`, meta.TableName, whereClause, params.HintLimit)\n\t\t}\n\n` +
      `\t\tif err := db.QueryRowContext(ctx, countQuery, args...).Scan(&count); err != nil {\n` +
      `\t\t\treturn nil, lazyerrors.Error(err)\n\t\t}\n\n` +
      `\t\treturn &backends.QueryResult{Iter: newQueryIterator(ctx, nil, params.OnlyRecordIDs), Count: count, Counted: true}, nil\n\t}\n\n` +
      `\tq += whereClause\n\torderBy := prepareOrderByClause(params.Sort)\n` +
      `\tif orderBy == "" {\n\t\torderBy = plan.orderBy\n\t}\n\tq += orderBy\n\n` +
      `\tlimit := params.Limit\n` +
      `\tif limit == 0 && plan.exact && (plan.orderBy != "" || params.HintSort.Len() == 0) {\n\t\tlimit = params.HintLimit\n\t}\n\n` +
      `\tif limit != 0 {\n\t\tq += \` LIMIT ?\`\n\t\targs = append(args, limit)\n\t}\n\n` +
      `\trows, err := db.QueryContext(ctx, q, args...)`,
  },
  {
    why: 'explain shows the WHERE a "pushdown_" index serves, as queries run it',
    file: 'internal/backends/sqlite/collection.go',
    find: `\torderByClause := prepareOrderByClause(params.Sort)\n\tsortPushdown := orderByClause != ""\n`,
    replace:
      `\tif whereClause == "" && !meta.Capped() {\n` +
      `\t\tplan := planIndexedQuery(meta, params.Filter, nil)\n` +
      `\t\twhereClause = plan.where\n\t\targs = append(args, plan.args...)\n` +
      `\t\tfilterPushdown = plan.exact && plan.where != ""\n\t}\n\n` +
      `\torderByClause := prepareOrderByClause(params.Sort)\n\tsortPushdown := orderByClause != ""\n`,
  },
  {
    why: 'find hands its sort and skip+limit to the backend as hints',
    file: 'internal/handler/msg_find.go',
    find: `\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))`,
    replace:
      `\tif !h.DisablePushdown {\n\t\tqp.HintSort = params.Sort\n` +
      `\t\tif params.Limit > 0 {\n\t\t\tqp.HintLimit = params.Limit + params.Skip\n\t\t}\n\t}\n\n` +
      `\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))`,
  },
  {
    why:
      'count takes a backend count when the backend offers one; a count with a limit stops reading at skip+limit ' +
      'matches (the engine caps its totals at 10,000, as Camunda 8.8 does, so a broad filter does not read every row)',
    file: 'internal/handler/msg_count.go',
    find: `\tqueryRes, err := c.Query(connCtx, &qp)\n\tif err != nil {\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n`,
    replace:
      `\tqp.CountOnly = !h.DisablePushdown\n` +
      `\tif qp.CountOnly && params.Limit > 0 {\n\t\tqp.HintLimit = params.Limit + params.Skip\n\t}\n\n` +
      `\tqueryRes, err := c.Query(connCtx, &qp)\n\tif err != nil {\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n\n` +
      `\tif queryRes.Counted {\n\t\tqueryRes.Iter.Close()\n\n` +
      `\t\tcounted := max(queryRes.Count-params.Skip, 0)\n` +
      `\t\tif params.Limit > 0 {\n\t\t\tcounted = min(counted, params.Limit)\n\t\t}\n\n` +
      `\t\treturn documentOpMsg(must.NotFail(types.NewDocument("n", int32(counted), "ok", float64(1))))\n\t}\n`,
  },
];

/** Go files added to FerretDB's source before it is built, beside the patches above. */
export const FERRETDB_ADDED_FILES: readonly { source: string; target: string }[] = [
  { source: 'patches/pushdown_indexed.go', target: 'internal/backends/sqlite/pushdown_indexed.go' },
];

const launcherSource = fileURLToPath(new URL('../../../tools/ferretdb/', import.meta.url));

/** Changes whenever the patches or the added files do, so a launcher built from other sources is not reused. */
const BUILD_TAG = `${FERRETDB_VERSION}-${buildFingerprint()}`;

function buildFingerprint(): string {
  const hash = createHash('sha256').update(JSON.stringify(FERRETDB_PATCHES));
  for (const added of FERRETDB_ADDED_FILES)
    hash.update(readFileSync(path.join(launcherSource, added.source)));
  return hash.digest('hex').slice(0, 10);
}

/** Where the built FerretDB launcher is cached: outside the repository, shared by every clone on the machine. */
export function ferretDbCachePath(): string {
  const cacheRoot = process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
  return path.join(cacheRoot, 'dan-van-workflow', `ferretdb-sqlite-${BUILD_TAG}`);
}

export async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds an executable on PATH, or undefined. */
export async function whichExecutable(name: string): Promise<string | undefined> {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/**
 * Returns the path of the FerretDB launcher (tools/ferretdb), building it once with the Go toolchain if needed.
 * Resolves undefined when there is no cached binary and no `go` on PATH.
 */
export async function ensureFerretDbBinary(log: (message: string) => void): Promise<string | undefined> {
  const target = ferretDbCachePath();
  if (await isExecutable(target)) return target;
  const go = await whichExecutable('go');
  if (!go) return undefined;
  log(`building FerretDB ${BUILD_TAG} with ${go} (once; cached at ${target})`);
  await mkdir(path.dirname(target), { recursive: true });
  // Build beside the target and rename, so a concurrent reader never sees a half-written binary.
  const partial = `${target}.${process.pid}.partial`;
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'ferretdb-build-'));
  try {
    for (const file of ['go.mod', 'go.sum', 'main.go'])
      await copyFile(path.join(launcherSource, file), path.join(workDir, file));
    // Vendoring gives a private, writable copy of FerretDB's source to patch; the module cache stays untouched.
    await run(go, ['mod', 'vendor'], workDir);
    await applyPatches(path.join(workDir, 'vendor', 'github.com', 'FerretDB', 'FerretDB'));
    await run(go, ['build', '-mod=vendor', '-trimpath', '-o', partial, '.'], workDir);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  await rename(partial, target);
  return target;
}

async function applyPatches(sourceRoot: string): Promise<void> {
  for (const patch of FERRETDB_PATCHES) {
    const file = path.join(sourceRoot, patch.file);
    const text = await readFile(file, 'utf8');
    if (!text.includes(patch.find))
      throw new Error(`FerretDB patch no longer applies: ${patch.file} has no ${patch.find}`);
    await writeFile(file, text.replace(patch.find, patch.replace));
  }
  for (const added of FERRETDB_ADDED_FILES)
    await copyFile(path.join(launcherSource, added.source), path.join(sourceRoot, added.target));
}
