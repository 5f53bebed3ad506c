const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** "1.234,5": Vietnamese groups thousands with dots and writes decimals after a comma. */
export function formatVietnameseNumber(value: number): string {
  return numberFormat.format(value);
}

const ROMAN: readonly [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Section and quarter numerals: I, II, III, IV… (up to 39 is all documents need). */
export function roman(value: number): string {
  let rest = value;
  let text = '';
  for (const [amount, letters] of ROMAN) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}
