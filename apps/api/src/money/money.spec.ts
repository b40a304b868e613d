import { formatMinorUnits, fromMinorUnits, parseAmountText, toMinorUnits } from './money';

describe('money', () => {
  it.each([
    [1500.5, 150050],
    [100.1, 10010],
    [0.01, 1],
    [0.29, 29],
    [1.005e2, 10050],
    [10_000_000, 1_000_000_000],
    [42, 4200],
  ])('reads %p as %p minor units', (amount, minor) => {
    expect(toMinorUnits(amount)).toBe(minor);
  });

  it.each([0, -1, 0.001, 100.123, 10_000_000.01, Number.NaN, Infinity, 1e-7])(
    'refuses %p',
    (amount) => {
      expect(toMinorUnits(amount)).toBeNull();
    },
  );

  it('round-trips every amount exactly', () => {
    for (const amount of [100.1, 0.07, 1234567.89, 9999999.99, 0.1, 0.2]) {
      expect(fromMinorUnits(toMinorUnits(amount)!)).toBe(amount);
    }
  });

  it('sums without float drift', () => {
    const minor = Array.from({ length: 10 }, () => toMinorUnits(0.1)!).reduce((a, b) => a + b);
    expect(fromMinorUnits(minor)).toBe(1);
  });
});

describe('amount text', () => {
  it.each([
    ['1500.00', 150000],
    ['1500', 150000],
    ['0.5', 50],
    [' 10.05 ', 1005],
    ['1,500.50', 150050],
    ['10000000', 1_000_000_000],
  ])('reads %p as %p minor units', (text, minor) => {
    expect(parseAmountText(text)).toBe(minor);
  });

  it.each(['', '0', '0.00', '-5', '1.005', 'abc', '1e3', '10000000.01', '1.2.3'])(
    'refuses %p',
    (text) => {
      expect(parseAmountText(text)).toBeNull();
    },
  );

  it.each([
    [150050, '1500.50'],
    [5, '0.05'],
    [100, '1.00'],
  ])('formats %p as %p', (minor, text) => {
    expect(formatMinorUnits(minor)).toBe(text);
  });
});
