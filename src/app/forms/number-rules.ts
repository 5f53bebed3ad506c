/** form-js's number rules (decimal digits, increment), done in scaled integers so 0.1 + 0.2 does not bite. */

export function decimalsOf(value: number | string): number {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const exponent = /e([+-]\d+)$/i.exec(text);
  if (exponent) {
    const mantissa = text.slice(0, exponent.index);
    return Math.max(0, decimalsOf(mantissa) - Number(exponent[1]));
  }
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
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

const NUMERIC = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A number form-js submitted as a string (serializeToString): "12", "-3.50". */
export function isNumericString(value: string): boolean {
  return NUMERIC.test(value);
}
