import type { FieldError, ProcessSettingsValues } from '../../lib/contracts.js';
import { SettingsField, errorsAt, valueAt } from './settings-fields.js';
import type { SettingsTexts } from './settings-texts.js';

type TextKey = {
  [K in keyof SettingsTexts]: SettingsTexts[K] extends string ? K : never;
}[keyof SettingsTexts];

interface DeadlineField {
  key: string;
  label: TextKey;
  /** A day of the year typed dd/MM; otherwise a number of days up to `max`. */
  day?: boolean;
  max?: number;
}

interface DeadlineGroup {
  title: TextKey;
  intro?: TextKey;
  /** Where the group sits in the values, e.g. ["baoCaoDanVan", "nam"]. */
  path: string[];
  legend?: TextKey;
  /** The inputs' names start with this (bao-cao-dan-van's keep "6-thang-reportDue", as they always were). */
  namePrefix: string;
  fields: DeadlineField[];
}

const REPORT: DeadlineField[] = [
  { key: 'reportDue', label: 'reportDue', day: true },
  { key: 'reminderDaysBefore', label: 'reminderDaysBefore', max: 60 },
  { key: 'collectionGraceDays', label: 'collectionGraceDays', max: 90 },
  { key: 'synthesisDays', label: 'synthesisDays', max: 90 },
  { key: 'approvalDays', label: 'approvalDays', max: 60 },
];

export const DEADLINE_GROUPS: DeadlineGroup[] = [
  {
    title: 'process',
    legend: 'half',
    path: ['baoCaoDanVan', '6-thang'],
    namePrefix: '6-thang',
    fields: REPORT,
  },
  { title: 'process', legend: 'year', path: ['baoCaoDanVan', 'nam'], namePrefix: 'nam', fields: REPORT },
  {
    title: 'evaluation',
    legend: 'year',
    path: ['danhGiaKhenThuong', 'nam'],
    namePrefix: 'danhGiaKhenThuong-nam',
    fields: [
      { key: 'evaluationDue', label: 'evaluationDue', day: true },
      { key: 'reminderDaysBefore', label: 'reminderDaysBefore', max: 60 },
      { key: 'collectionGraceDays', label: 'collectionGraceDays', max: 90 },
      { key: 'proposalDays', label: 'proposalDays', max: 90 },
      { key: 'decisionDays', label: 'decisionDays', max: 90 },
      { key: 'issueDays', label: 'issueDays', max: 60 },
    ],
  },
  {
    title: 'briefing',
    legend: 'quarter',
    path: ['giaoBanQuy', 'quy'],
    namePrefix: 'giaoBanQuy-quy',
    fields: [
      { key: 'proposalDays', label: 'briefingProposalDays', max: 60 },
      { key: 'briefDaysBeforeMeeting', label: 'briefDaysBeforeMeeting', max: 60 },
      { key: 'cutoffDaysBeforeMeeting', label: 'cutoffDaysBeforeMeeting', max: 60 },
      { key: 'reminderDaysBefore', label: 'briefReminderDaysBefore', max: 30 },
    ],
  },
  {
    title: 'personnel',
    intro: 'personnelIntro',
    path: ['yKienNhanSu'],
    namePrefix: 'yKienNhanSu',
    fields: [
      { key: 'checkDays', label: 'checkDays' },
      { key: 'appraisalDays', label: 'appraisalDays' },
      { key: 'standingReviewDays', label: 'standingReviewDays' },
      { key: 'decisionDays', label: 'personnelDecisionDays' },
      { key: 'issueDays', label: 'personnelIssueDays' },
    ],
  },
];

/** The key of a day field's typed text (dd/MM), kept apart from the values until saved. */
export const dayKey = (path: readonly string[]) => path.join('/');

/** Every day field's path, for turning the values into typed texts and back. */
export const DAY_PATHS: string[][] = DEADLINE_GROUPS.flatMap((group) =>
  group.fields.filter((field) => field.day).map((field) => [...group.path, field.key]),
);

interface Props {
  s: SettingsTexts;
  values: ProcessSettingsValues;
  days: Record<string, string>;
  errors: readonly FieldError[];
  onNumber(path: string[], value: number): void;
  onDay(path: string[], text: string): void;
}

/** Each process's deadlines, a fieldset per period kind, every field with its own errors. */
export function DeadlineSections({ s, values, days, errors, onNumber, onDay }: Props) {
  return (
    <>
      {DEADLINE_GROUPS.map((group, index) => (
        <div key={group.namePrefix}>
          {DEADLINE_GROUPS[index - 1]?.title !== group.title && <h2>{s[group.title]}</h2>}
          {group.intro && <p>{s[group.intro]}</p>}
          <fieldset class="settings-kind" data-kind={group.namePrefix}>
            {group.legend && <legend>{s[group.legend]}</legend>}
            {group.fields.map((field) => {
              const path = [...group.path, field.key];
              const name = `${group.namePrefix}-${field.key}`;
              const fieldErrors = errorsAt(errors, `/values/${path.join('/')}`);
              return field.day ? (
                <SettingsField
                  key={name}
                  name={name}
                  label={s[field.label]}
                  value={days[dayKey(path)] ?? ''}
                  placeholder="dd/MM"
                  errors={fieldErrors}
                  onInput={(text) => onDay(path, text)}
                />
              ) : (
                <SettingsField
                  key={name}
                  name={name}
                  type="number"
                  max={field.max ?? 180}
                  label={s[field.label]}
                  value={valueAt(values, path) as number}
                  errors={fieldErrors}
                  onInput={(text) => onNumber(path, Number(text))}
                />
              );
            })}
          </fieldset>
        </div>
      ))}
    </>
  );
}
