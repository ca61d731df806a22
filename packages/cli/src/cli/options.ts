import { InvalidArgumentError } from 'commander';

/** A commander parser for a whole number in [min, max]; rejects '1.5', '1e3', '', '0x10'. */
export function integerArg(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value: string) => {
    const n = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer ${min}..${max}`;
      throw new InvalidArgumentError(`Use ${range}.`);
    }
    return n;
  };
}

/** A commander parser for a finite number in (min, max]; rejects '', 'abc', 'Infinity'. */
export function numberArg(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim()) ? Number(value) : NaN;
    if (!Number.isFinite(n) || n <= min || n > max)
      throw new InvalidArgumentError(`Use a number > ${min} and <= ${max}.`);
    return n;
  };
}
