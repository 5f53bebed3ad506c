import type { Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import type { AppError } from '../../lib/errors.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { unitRefOf } from './candidate-groups.js';
import type { Sector, UnitKind, UnitRecord, UnitRef } from './organisation.types.js';

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  sector?: Sector;
}

const unitNotFound = (code: string): AppError => notFound(`Không tìm thấy đơn vị "${code}".`);

export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/**
 * The units are read on every signed-in request (for candidate groups) and change a few times a year, so all of them
 * are kept in memory. Changes made through this service reload them at once, and in every other replica within a
 * second or two (lib/change-signal.ts); one written by a process that signals nothing (the seed CLI) is seen within
 * this time, or at once when an unknown code is asked for.
 */
const UNIT_CACHE_MS = 60_000;
/** An unknown code reloads the units, but not more often than this. */
const MISS_RELOAD_MS = 1_000;

/** Units are never removed: they are deactivated, and their history says when they were active. */
export class UnitService {
  private loaded: { units: UnitRecord[]; byCode: Map<string, UnitRecord>; at: number } | undefined;
  private loading: Promise<UnitRecord[]> | undefined;
  /** Counts writes, so that a load that overlapped one is not kept. */
  private writes = 0;
  /** Tells the other replicas that units changed (app.module.ts wires it to the shared change signal). */
  private changed: () => Promise<void> = async () => undefined;

  constructor(
    private readonly units: Model<UnitRecord>,
    private readonly clock: Clock,
  ) {}

  async list(options: { includeInactive?: boolean } = {}): Promise<UnitRecord[]> {
    const all = await this.all();
    return structuredClone(options.includeInactive ? all : all.filter((unit) => unit.active));
  }

  async find(code: string): Promise<UnitRecord | undefined> {
    let unit = (await this.byCode()).get(code);
    if (!unit && this.clock.now().getTime() - (this.loaded?.at ?? 0) > MISS_RELOAD_MS) {
      this.loaded = undefined;
      unit = (await this.byCode()).get(code);
    }
    return unit ? structuredClone(unit) : undefined;
  }

  private async byCode(): Promise<ReadonlyMap<string, UnitRecord>> {
    const units = await this.all();
    // Not kept when a write overlapped the load: then indexed for this call only.
    return this.loaded?.units === units
      ? this.loaded.byCode
      : new Map(units.map((unit) => [unit.code, unit]));
  }

  /** Every unit, sorted by kind and code, from memory when fresh. */
  private async all(): Promise<UnitRecord[]> {
    const now = this.clock.now().getTime();
    if (this.loaded && now - this.loaded.at < UNIT_CACHE_MS) return this.loaded.units;
    this.loading ??= (async () => {
      const writes = this.writes;
      try {
        const units = await this.units.find({}, { _id: 0 }).sort({ kind: 1, code: 1 }).lean<UnitRecord[]>();
        if (writes === this.writes)
          this.loaded = { units, byCode: new Map(units.map((unit) => [unit.code, unit])), at: now };
        return units;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  /** Called after every write, so other processes sharing the database forget their copies. */
  onChange(changed: () => Promise<void>): void {
    this.changed = changed;
  }

  /** Forgets the units kept in memory (another process wrote); a load in flight keeps nothing. */
  forgetAll(): void {
    this.writes += 1;
    this.loaded = undefined;
  }

  private async writing<T>(write: () => Promise<T>): Promise<T> {
    this.forgetAll();
    try {
      return await write();
    } finally {
      this.forgetAll();
      await this.changed();
    }
  }

  async get(code: string): Promise<UnitRecord> {
    const unit = await this.find(code);
    if (!unit) throw unitNotFound(code);
    return unit;
  }

  async create(input: NewUnit): Promise<UnitRecord> {
    if (input.kind === 'co-so' && !input.sector)
      throw badRequest(
        'sector_required',
        'Tổ chức cơ sở đảng phải có khối (cơ quan, đơn vị sự nghiệp, doanh nghiệp).',
        [{ field: '/sector', message: 'Trường bắt buộc với tổ chức cơ sở đảng.' }],
      );
    if (input.kind !== 'co-so' && input.sector)
      throw badRequest('sector_not_allowed', 'Chỉ tổ chức cơ sở đảng mới có khối.', [
        { field: '/sector', message: 'Chỉ dùng cho tổ chức cơ sở đảng.' },
      ]);
    const now = this.clock.now();
    const record: UnitRecord = {
      code: input.code,
      name: input.name.trim(),
      kind: input.kind,
      ...(input.sector ? { sector: input.sector } : {}),
      active: true,
      history: [{ at: now, active: true }],
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.writing(() => this.units.create(record));
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict('unit_exists', `Mã đơn vị "${input.code}" đã tồn tại.`);
      throw error;
    }
    return this.get(input.code);
  }

  /**
   * Creates the unit unless its code exists (then nothing changes): an upsert keyed by the code, so an import run twice,
   * or resumed after a crash, never makes a second unit nor undoes a later edit. True when it was created now.
   */
  async ensure(input: NewUnit): Promise<boolean> {
    const now = this.clock.now();
    const record: UnitRecord = {
      code: input.code,
      name: input.name.trim(),
      kind: input.kind,
      ...(input.sector ? { sector: input.sector } : {}),
      active: true,
      history: [{ at: now, active: true }],
      createdAt: now,
      updatedAt: now,
    };
    const result = await this.writing(() =>
      this.units.updateOne({ code: input.code }, { $setOnInsert: record }, { upsert: true }),
    );
    return result.upsertedCount > 0;
  }

  async update(code: string, changes: { name?: string; sector?: Sector }): Promise<UnitRecord> {
    const unit = await this.get(code);
    if (changes.sector && unit.kind !== 'co-so')
      throw badRequest('sector_not_allowed', 'Chỉ tổ chức cơ sở đảng mới có khối.', [
        { field: '/sector', message: 'Chỉ dùng cho tổ chức cơ sở đảng.' },
      ]);
    const set: Partial<UnitRecord> = { updatedAt: this.clock.now() };
    if (changes.name !== undefined) set.name = changes.name.trim();
    if (changes.sector !== undefined) set.sector = changes.sector;
    await this.writing(() => this.units.updateOne({ code }, { $set: set }));
    return this.get(code);
  }

  async setActive(code: string, active: boolean): Promise<UnitRecord> {
    const now = this.clock.now();
    // Conditional on the current flag, so a repeated call changes nothing and history gets no duplicate entry.
    const result = await this.writing(() =>
      this.units.updateOne(
        { code, active: !active },
        { $set: { active, updatedAt: now }, $push: { history: { at: now, active } } },
      ),
    );
    if (result.matchedCount === 0) await this.get(code);
    return this.get(code);
  }

  /** Reporting units (base organisations and mass organisations) active at `at`, as process variables. */
  async reportingUnitsAt(at: Date): Promise<UnitRef[]> {
    const candidates = (await this.all()).filter((unit) => unit.kind === 'co-so' || unit.kind === 'doan-the');
    return candidates.filter((unit) => wasActiveAt(unit, at)).map(unitRefOf);
  }
}

export function wasActiveAt(unit: Pick<UnitRecord, 'history' | 'active'>, at: Date): boolean {
  let active = false;
  for (const change of unit.history ?? []) {
    if (new Date(change.at).getTime() > at.getTime()) break;
    active = change.active;
  }
  return active;
}
