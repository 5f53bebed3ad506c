/**
 * A count as shown: grouped the Vietnamese way (10.000), with "+" when the engine capped it (Camunda 8.8 may stop
 * counting and report `hasMoreTotalItems`; the real number is then at least this).
 */
export function formatCount(count: number, atLeast = false): string {
  return `${count.toLocaleString('vi-VN')}${atLeast ? '+' : ''}`;
}
