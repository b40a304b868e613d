import { Transform } from 'class-transformer';

type Rewrite = (text: string) => string;

/** Rewrites a string field before validation; anything else is left for the validators to refuse. */
const onStrings = (rewrite: Rewrite) =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? rewrite(value) : value,
  );

export const Trim = () => onStrings((text) => text.trim());
export const TrimLowerCase = () => onStrings((text) => text.trim().toLowerCase());
/** Rewrites with `normalize` when it understands the text, so a validator can refuse the rest. */
export const NormalizeWith = (normalize: (text: string) => string | null) =>
  onStrings((text) => normalize(text) ?? text);
