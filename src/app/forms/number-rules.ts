/** form-js's number rules (decimal digits, increment), done in scaled integers so 0.1 + 0.2 does not bite. */

export function decimalsOf(value: number | string): number {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const exponent = /e([+-]\d+)$/i.exec(text);
  if (exponent) {
    const mantissa = text.slice(0, exponent.index);
    return Math.max(0, decimalsOf(mantissa) - Number(exponent[1]));
  }
  const dot = text.indexOf('.');
  // Trailing zeros are not decimals ("3.50" has one), as form-js counts them (with big.js).
  return dot < 0 ? 0 : text.slice(dot + 1).replace(/0+$/, '').length;
}

/** When the value is not a multiple of the increment: the two nearest valid values, else undefined. */
export function incrementMiss(value: number, increment: number): [number, number] | undefined {
  if (increment <= 0) return undefined;
  const scale = 10 ** Math.min(12, Math.max(decimalsOf(value), decimalsOf(increment)));
  const scaledValue = Math.round(value * scale);
  const scaledStep = Math.round(increment * scale);
  const offset = ((scaledValue % scaledStep) + scaledStep) % scaledStep;
  if (offset === 0) return undefined;
  const previous = (scaledValue - offset) / scale;
  return [previous, (scaledValue - offset + scaledStep) / scale];
}

// No spaces around: form-js never writes them, and its own validation fails on them (big.js throws).
const NUMERIC = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number form-js submitted as a string (serializeToString): "12", "-3.50". */
export function isNumericString(value: string): boolean {
  return NUMERIC.test(value);
}
