import { Type } from '@sinclair/typebox';

/** A whole number of days, 0 to max. */
export const days = (max: number) => Type.Integer({ minimum: 0, maximum: max });

/** MM-DD of a month-day; whether the day exists (30 February) is checked on save (settings.validation.ts). */
export const MonthDay = Type.String({ pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' });

/** bao-cao-dan-van, per period kind (Art. 10.2, 11.3). */
export const ReportDeadline = Type.Object(
  {
    reportDue: MonthDay,
    reminderDaysBefore: days(60),
    collectionGraceDays: days(90),
    synthesisDays: days(90),
    approvalDays: days(60),
  },
  { additionalProperties: false },
);

/** danh-gia-khen-thuong, the annual period (Art. 11.4). */
export const EvaluationDeadline = Type.Object(
  {
    evaluationDue: MonthDay,
    reminderDaysBefore: days(60),
    collectionGraceDays: days(90),
    proposalDays: days(90),
    decisionDays: days(90),
    issueDays: days(60),
  },
  { additionalProperties: false },
);

/** giao-ban-quy, the quarterly period (Art. 4.2): counted from the start, then back from the meeting. */
export const BriefingDeadline = Type.Object(
  {
    proposalDays: days(60),
    briefDaysBeforeMeeting: days(60),
    cutoffDaysBeforeMeeting: days(60),
    reminderDaysBefore: days(30),
  },
  { additionalProperties: false },
);

/** y-kien-nhan-su (Art. 4.2, 6): each step's deadline in days from the nomination's receipt. */
export const PersonnelDeadline = Type.Object(
  {
    checkDays: days(180),
    appraisalDays: days(180),
    standingReviewDays: days(180),
    decisionDays: days(180),
    issueDays: days(180),
  },
  { additionalProperties: false },
);
