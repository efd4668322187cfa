/** A rate as a percentage with enough digits to tell 99.9% from 99.95%, for reasons and reports. */
export function percent(value: number): string {
  const hundred = value * 100;
  if (hundred === 100 || hundred === 0) return `${hundred}%`;
  const digits = value >= 0.99 || value <= 0.01 ? 2 : 1;
  return `${hundred.toFixed(digits)}%`;
}
