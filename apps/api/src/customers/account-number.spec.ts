import {
  FIRST_ACCOUNT_SEQUENCE,
  accountNumberFor,
  accountNumberVariants,
  hasValidCheckDigit,
  normalizeAccountReference,
} from './account-number';

describe('account numbers', () => {
  it('are short, digits only and carry a valid check digit', () => {
    const number = accountNumberFor(FIRST_ACCOUNT_SEQUENCE);
    expect(number).toMatch(/^\d{6}$/);
    expect(hasValidCheckDigit(number)).toBe(true);
  });

  it('matches the published Damm example (572 → 5724)', () => {
    expect(accountNumberFor(572)).toBe('5724');
  });

  it('are distinct for distinct sequence numbers', () => {
    const numbers = new Set(
      Array.from({ length: 5000 }, (_, i) => accountNumberFor(FIRST_ACCOUNT_SEQUENCE + i)),
    );
    expect(numbers.size).toBe(5000);
  });

  it('detect every single-digit typo and every swap of neighbours', () => {
    for (
      let sequence = FIRST_ACCOUNT_SEQUENCE;
      sequence < FIRST_ACCOUNT_SEQUENCE + 300;
      sequence++
    ) {
      const number = accountNumberFor(sequence);
      for (let i = 0; i < number.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === number[i]) continue;
          const typo = number.slice(0, i) + d + number.slice(i + 1);
          expect(hasValidCheckDigit(typo)).toBe(false);
        }
        if (i + 1 < number.length && number[i] !== number[i + 1]) {
          const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
          expect(hasValidCheckDigit(swapped)).toBe(false);
        }
      }
    }
  });
});

describe('normalizeAccountReference', () => {
  it.each([
    [' 100009 ', '100009'],
    ['100-009', '100009'],
    ['10 00 09', '100009'],
    ['acc100009', 'ACC100009'],
  ])('reads %p as %p', (typed, normalized) => {
    expect(normalizeAccountReference(typed)).toBe(normalized);
  });
});

describe('accountNumberVariants', () => {
  const variants = accountNumberVariants('100009');

  it.each([
    ['100090', 'swapped digits'],
    ['100008', 'wrong digit'],
    ['10009', 'extra digit'],
    ['1000009', 'missing digit'],
  ])('includes %p (%s)', (candidate, typo) => {
    expect(variants.get(candidate)).toBe(typo);
  });

  it('excludes what was typed and anything two typos away', () => {
    expect(variants.has('100009')).toBe(false);
    expect(variants.has('100088')).toBe(false);
    expect(variants.size).toBeLessThan(150);
  });
});
