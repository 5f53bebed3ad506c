/**
 * The zone for cron expressions, zone-less date-times and FEEL now()/today() when the caller names none.
 * Zeebe uses the JVM's default zone there; the embedded engine likewise uses the Node process's zone (TZ), so a
 * server set to Asia/Ho_Chi_Minh reads "0 0 8 * * MON" as 8 o'clock in Vietnam.
 */
export const DEFAULT_TIME_ZONE: string = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
