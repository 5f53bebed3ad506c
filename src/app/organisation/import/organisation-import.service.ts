import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { OrganisationImportResult, OrganisationImportSummary } from '../../../shared/contracts/index.js';
import type { Clock } from '../../../lib/clock.js';
import { AppError } from '../../../lib/errors.js';
import type { OrganisationDirectory } from '../organisation.directory.js';
import { planImport, type ImportPlan } from './import-plan.js';
import { readRows } from './import-rows.js';
import { readSheet } from './sheet-reader.js';

/** One import as written down before its first write and after its last: what to tell an administrator after a crash. */
interface ImportJournal {
  _id: string;
  fileName: string;
  by: string;
  status: 'writing' | 'done';
  startedAt: Date;
  finishedAt?: Date;
  summary: OrganisationImportSummary;
}

export interface InterruptedImport {
  fileName: string;
  by: string;
  startedAt: string;
}

const invalidSheet = (errors: { field: string; message: string }[]): AppError =>
  new AppError(
    422,
    'import_invalid',
    `Tệp có ${errors.length} lỗi; chưa có gì được ghi. Sửa các dòng được nêu rồi nhập lại.`,
    errors.slice(0, 500),
  );

/**
 * Imports the organisation (units, heads, staff) from a spreadsheet. FerretDB has no multi-document transactions, so:
 * 1. everything is read and checked first — every row, and the sheet against the database — and any error refuses
 *    the whole file before a single write;
 * 2. the writes are idempotent, keyed by unit code and username (upserts that insert only what is missing, role
 *    additions merged into what is held), so a second run of the same file changes nothing;
 * 3. a journal entry is written before the first write and closed after the last. Should the process die in between,
 *    the entry stays open, the units page says so, and importing the same file again completes it: the rows already
 *    written now pass the checks as "unchanged", the rest is written.
 */
export class OrganisationImportService {
  constructor(
    private readonly directory: OrganisationDirectory,
    private readonly connection: Connection,
    private readonly clock: Clock,
  ) {}

  private get journal() {
    return this.connection.collection<ImportJournal>('organisation_imports');
  }

  async run(input: {
    fileName: string;
    content: Buffer;
    apply: boolean;
    by: string;
  }): Promise<OrganisationImportResult> {
    const sheet = await readSheet(input.content);
    const content = readRows(sheet);
    if (content.errors.length > 0) throw invalidSheet(content.errors);
    const [units, users] = await Promise.all([
      this.directory.units.list({ includeInactive: true }),
      this.directory.users.list(),
    ]);
    const { plan, errors } = planImport(content, units, users);
    if (errors.length > 0) throw invalidSheet(errors);
    const planned = summaryOf(plan);
    if (!input.apply) return { applied: false, rows: sheet.rows.length, summary: planned };

    const id = createHash('sha256').update(input.content).digest('hex');
    await this.journal.updateOne(
      { _id: id },
      {
        $set: {
          fileName: input.fileName,
          by: input.by,
          status: 'writing',
          startedAt: this.clock.now(),
          summary: planned,
        },
        $unset: { finishedAt: '' },
      },
      { upsert: true },
    );
    await this.write(plan);
    await this.journal.updateOne({ _id: id }, { $set: { status: 'done', finishedAt: this.clock.now() } });
    return { applied: true, rows: sheet.rows.length, summary: planned };
  }

  /** Units first (memberships need them), then accounts, then their roles; each step idempotent. */
  private async write(plan: ImportPlan): Promise<void> {
    for (const unit of plan.createUnits) await this.directory.units.ensure(unit);
    for (const unit of plan.updateUnits)
      await this.directory.units.update(unit.code, {
        name: unit.name,
        ...(unit.sector ? { sector: unit.sector } : {}),
      });
    for (const user of plan.createUsers) await this.directory.users.ensureWithoutPassword(user);
    for (const { username, memberships } of plan.addMemberships)
      await this.directory.users.addMemberships(username, memberships);
  }

  /** Imports that started writing and never finished (the process stopped): the same file, imported again, completes them. */
  async interrupted(): Promise<InterruptedImport[]> {
    const open = await this.journal.find({ status: 'writing' }).sort({ startedAt: -1 }).limit(10).toArray();
    return open.map((entry) => ({
      fileName: entry.fileName,
      by: entry.by,
      startedAt: entry.startedAt.toISOString(),
    }));
  }
}

function summaryOf(plan: ImportPlan): OrganisationImportSummary {
  const created = new Set(plan.createUsers.map((user) => user.username));
  return {
    unitsCreated: plan.createUnits.length,
    unitsRenamed: plan.updateUnits.length,
    unitsUnchanged: plan.unchangedUnits,
    usersCreated: plan.createUsers.length,
    membershipsAdded: plan.addMemberships.filter((entry) => !created.has(entry.username)).length,
    usersUnchanged: plan.unchangedUsers,
  };
}
