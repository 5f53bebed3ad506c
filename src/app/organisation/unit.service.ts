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

/** Units are never removed: they are deactivated, and their history says when they were active. */
export class UnitService {
  constructor(
    private readonly units: Model<UnitRecord>,
    private readonly clock: Clock,
  ) {}

  async list(options: { includeInactive?: boolean } = {}): Promise<UnitRecord[]> {
    const filter = options.includeInactive ? {} : { active: true };
    return this.units.find(filter, { _id: 0 }).sort({ kind: 1, code: 1 }).lean<UnitRecord[]>();
  }

  async find(code: string): Promise<UnitRecord | undefined> {
    return (await this.units.findOne({ code }, { _id: 0 }).lean<UnitRecord>()) ?? undefined;
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
      await this.units.create(record);
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict('unit_exists', `Mã đơn vị "${input.code}" đã tồn tại.`);
      throw error;
    }
    return this.get(input.code);
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
    await this.units.updateOne({ code }, { $set: set });
    return this.get(code);
  }

  async setActive(code: string, active: boolean): Promise<UnitRecord> {
    const now = this.clock.now();
    // Conditional on the current flag, so a repeated call changes nothing and history gets no duplicate entry.
    const result = await this.units.updateOne(
      { code, active: !active },
      { $set: { active, updatedAt: now }, $push: { history: { at: now, active } } },
    );
    if (result.matchedCount === 0) await this.get(code);
    return this.get(code);
  }

  /** Reporting units (base organisations and mass organisations) active at `at`, as process variables. */
  async reportingUnitsAt(at: Date): Promise<UnitRef[]> {
    const candidates = await this.units
      .find({ kind: { $in: ['co-so', 'doan-the'] } }, { _id: 0 })
      .sort({ kind: 1, code: 1 })
      .lean<UnitRecord[]>();
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
