import { Type } from '@sinclair/typebox';
import type { ProcessSettingsValues } from '../../shared/contracts/index.js';

const days = (max: number) => Type.Integer({ minimum: 0, maximum: max });

const ReportDeadline = Type.Object(
  {
    // MM-DD of a real day (29 February excluded: it is not a day every year).
    reportDue: Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' }),
    reminderDaysBefore: days(60),
    collectionGraceDays: days(90),
    synthesisDays: days(90),
    approvalDays: days(60),
  },
  { additionalProperties: false },
);

export const SettingsValues = Type.Object(
  {
    baoCaoDanVan: Type.Object(
      { '6-thang': ReportDeadline, nam: ReportDeadline },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

export const SaveSettingsBody = Type.Object(
  {
    baseVersion: Type.Integer({ minimum: 0 }),
    values: SettingsValues,
    note: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** The values the code had before they became settings: version 0, until an administrator saves. */
export const DEFAULT_SETTINGS: ProcessSettingsValues = {
  baoCaoDanVan: {
    '6-thang': {
      reportDue: '05-20',
      reminderDaysBefore: 3,
      collectionGraceDays: 10,
      synthesisDays: 10,
      approvalDays: 7,
    },
    nam: {
      reportDue: '11-20',
      reminderDaysBefore: 3,
      collectionGraceDays: 10,
      synthesisDays: 10,
      approvalDays: 7,
    },
  },
};

/** A day of the month that exists in every year (30 February does not). */
export function realDay(monthDay: string): boolean {
  const [month, day] = monthDay.split('-').map(Number);
  const date = new Date(Date.UTC(2027, (month ?? 0) - 1, day ?? 0));
  return date.getUTCMonth() === (month ?? 0) - 1 && date.getUTCDate() === day;
}
