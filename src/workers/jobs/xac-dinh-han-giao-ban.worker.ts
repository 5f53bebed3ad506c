import { Type } from '@sinclair/typebox';
import { addDays, deadline, later, vietnamToday } from '../support/deadline-rules.js';
import { defineWorker } from '../runtime/worker-definition.js';
import { settingsInForce } from '../support/settings-in-force.js';

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
  async handle({ variables }, deps) {
    const { clock } = deps;
    const meeting = variables.ngayHop;
    const tomorrow = addDays(vietnamToday(clock.now()), 1);
    // Settings giaoBanQuy.quy, read when the meeting is approved: the briefs are due some days before the meeting,
    // collection closes a little later (Ban Tuyên giáo prepares the pack), and reminders go out before the due day.
    const rules = (await settingsInForce(deps)).giaoBanQuy.quy;
    const within = (day: string): string => earlier(later(day, earlier(tomorrow, meeting)), meeting);
    const due = within(addDays(meeting, -rules.briefDaysBeforeMeeting));
    const cutoff = within(later(addDays(meeting, -rules.cutoffDaysBeforeMeeting), due));
    const reminder = earlier(later(addDays(due, -rules.reminderDaysBefore), tomorrow), due);
    return {
      briefDueDate: deadline(due),
      briefReminderDate: deadline(reminder),
      briefCutoffDate: deadline(cutoff),
    };
  },
});
