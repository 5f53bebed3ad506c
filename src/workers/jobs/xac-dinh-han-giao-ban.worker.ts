import { Type } from '@sinclair/typebox';
import { addDays, deadline, later, vietnamToday } from '../support/deadline-rules.js';
import { defineWorker } from '../runtime/worker-definition.js';

/** The mass organisations' briefs are due this many days before the meeting… */
const BRIEF_DAYS_BEFORE_MEETING = 5;
/** …collection closes this many days before it, leaving Ban Tuyên giáo time to prepare the pack… */
const CUTOFF_DAYS_BEFORE_MEETING = 2;
/** …and each organisation is reminded this many days before its brief is due. */
const REMINDER_DAYS_BEFORE = 2;

function earlier(a: string, b: string): string {
  return a <= b ? a : b;
}

/**
 * The briefing's document deadlines, counted back from the meeting date Thường trực approved (Art. 4.2): the briefs
 * are asked for once the meeting is fixed, so they can never be due after it. A meeting close at hand shortens them
 * (never before tomorrow, never after the meeting day).
 */
export const xacDinhHanGiaoBan = defineWorker({
  type: 'xac-dinh-han-giao-ban',
  input: Type.Object({ ngayHop: Type.String({ format: 'date' }) }),
  async handle({ variables }, { clock }) {
    const meeting = variables.ngayHop;
    const tomorrow = addDays(vietnamToday(clock.now()), 1);
    const within = (day: string): string => earlier(later(day, earlier(tomorrow, meeting)), meeting);
    const due = within(addDays(meeting, -BRIEF_DAYS_BEFORE_MEETING));
    const cutoff = within(later(addDays(meeting, -CUTOFF_DAYS_BEFORE_MEETING), due));
    const reminder = earlier(later(addDays(due, -REMINDER_DAYS_BEFORE), tomorrow), due);
    return {
      briefDueDate: deadline(due),
      briefReminderDate: deadline(reminder),
      briefCutoffDate: deadline(cutoff),
    };
  },
});
