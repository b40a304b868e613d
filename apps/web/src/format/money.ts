// Money as people in Kenya read it: "KES 1,500.00". Sums are taken in whole cents, because the
// API sends amounts as decimals with at most two places and binary floats would drift.
const twoPlaces = new Intl.NumberFormat('en-KE', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function formatKes(amount: number): string {
  return `KES ${twoPlaces.format(amount)}`;
}

export function sumAmounts(amounts: readonly number[]): number {
  const cents = amounts.reduce((total, amount) => total + Math.round(amount * 100), 0);
  return cents / 100;
}
