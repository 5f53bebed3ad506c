import { Schema, type Connection, type Model } from 'mongoose';
import type { Clock } from '../../lib/clock.js';
import { badRequest, conflict } from '../../lib/errors.js';
import type { ProcessSettings, ProcessSettingsValues } from '../../shared/contracts/index.js';
import { upgradeSettings } from './settings.migration.js';
import { DEFAULT_SETTINGS } from './settings.schemas.js';
import { settingsErrors } from './settings.validation.js';

interface SettingsVersion {
  _id: number;
  values: ProcessSettingsValues;
  updatedBy: string;
  updatedAt: Date;
  note: string;
}

const schema = new Schema<SettingsVersion>(
  {
    _id: { type: Number, required: true },
    values: { type: Schema.Types.Mixed, required: true },
    updatedBy: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    note: { type: String, default: '' },
  },
  { collection: 'process_settings_versions', versionKey: false },
);

const asSettings = (record: SettingsVersion): ProcessSettings => ({
  version: record._id,
  values: upgradeSettings(record.values),
  updatedBy: record.updatedBy,
  updatedAt: record.updatedAt.toISOString(),
  note: record.note,
});

const DEFAULTS: ProcessSettings = {
  version: 0,
  values: DEFAULT_SETTINGS,
  updatedBy: null,
  updatedAt: null,
  note: '',
};

/**
 * Versioned process settings: every save is a new document whose _id is the next version number, so two
 * administrators saving from the same version cannot both win (the second insert hits the unique _id: 409), and every
 * earlier version stays readable. Without any saved version the defaults (the values once in code) apply.
 */
export class SettingsStore {
  private readonly Versions: Model<SettingsVersion>;

  constructor(
    connection: Connection,
    private readonly clock: Clock,
    /** The codes of every unit (inactive ones too): a start rule may name only these. */
    private readonly unitCodes: () => Promise<string[]>,
  ) {
    this.Versions =
      connection.models.ProcessSettingsVersion ??
      connection.model<SettingsVersion>('ProcessSettingsVersion', schema);
  }

  async current(): Promise<ProcessSettings> {
    const newest = await this.Versions.findOne().sort({ _id: -1 }).lean();
    return newest ? asSettings(newest) : DEFAULTS;
  }

  async history(): Promise<ProcessSettings[]> {
    return (await this.Versions.find().sort({ _id: -1 }).limit(200).lean()).map(asSettings);
  }

  async save(
    username: string,
    baseVersion: number,
    values: ProcessSettingsValues,
    note: string,
  ): Promise<ProcessSettings> {
    const errors = settingsErrors(values, new Set(await this.unitCodes()));
    if (errors.length > 0)
      throw badRequest(
        'invalid_settings',
        `Tham số chưa hợp lệ: ${errors.map((error) => error.message).join(' ')}`,
        errors,
      );
    const current = await this.current();
    if (current.version !== baseVersion)
      throw conflict('settings_changed', 'Tham số quy trình đã được người khác thay đổi. Hãy tải lại trang.');
    const record: SettingsVersion = {
      _id: baseVersion + 1,
      values,
      updatedBy: username,
      updatedAt: this.clock.now(),
      note,
    };
    try {
      await this.Versions.create(record);
    } catch (error) {
      if ((error as { code?: unknown }).code === 11000)
        throw conflict(
          'settings_changed',
          'Tham số quy trình đã được người khác thay đổi. Hãy tải lại trang.',
        );
      throw error;
    }
    return asSettings(record);
  }
}
