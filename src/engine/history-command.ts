/**
 * `npm run engine:history -- purge --before yyyy-mm-dd [--archive file.jsonl]`: removes the finished process
 * instances that ended before that day (00:00 UTC) from the engine's history, with their element instances,
 * variables, incidents and user tasks; with --archive they are appended to a JSON Lines file first.
 * `npm run engine:history -- size` prints the history collections' documents and stored bytes.
 * Environment: MONGODB_URI (the engine's database).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { MongoClient } from 'mongodb';
import { purgeHistory } from './state/history/history-purge.js';
import { ALL_HISTORY_COLLECTIONS } from './state/history/history-collections.js';

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is required (the engine database)');
  if (command !== 'purge' && command !== 'size')
    throw new Error('usage: engine:history -- purge --before yyyy-mm-dd [--archive file.jsonl] | size');
  const client = await MongoClient.connect(uri);
  try {
    const db = client.db();
    if (command === 'size') {
      for (const name of ALL_HISTORY_COLLECTIONS) {
        const stats = (await db.command({ collStats: name })) as { count?: number; size?: number };
        console.log(
          JSON.stringify({ collection: name, documents: stats.count ?? 0, bytes: stats.size ?? 0 }),
        );
      }
      return;
    }
    const day = option(args, '--before') ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
      throw new Error(`--before needs a date as yyyy-mm-dd, got '${day}'`);
    const path = option(args, '--archive');
    const file = path ? createWriteStream(path, { flags: 'a' }) : undefined;
    const archive = file
      ? async (line: string) => {
          if (!file.write(line)) await once(file, 'drain');
        }
      : undefined;
    const result = await purgeHistory(db, { before: Date.parse(`${day}T00:00:00Z`), archive });
    if (file)
      await new Promise<void>((resolve, reject) =>
        file.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
    console.log(JSON.stringify({ purgedBefore: day, ...result, archive: path ?? null }));
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
