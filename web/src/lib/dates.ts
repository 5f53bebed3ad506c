/** The browser's door to the one Viet Nam date module (src/shared/vn-date.ts): dd/MM/yyyy in Asia/Ho_Chi_Minh. */
export {
  DATE_PLACEHOLDER,
  FLATPICKR_DATE_FORMAT,
  formatDate,
  formatDateTime,
  formatTime,
  addDays,
  parseCalendarDate,
  VIETNAM_TIME_ZONE,
} from '../../../src/shared/vn-date.js';
