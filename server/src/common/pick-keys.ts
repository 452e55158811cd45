/** A copy of `object` with only `keys`, in that order: what an audit snapshot or a data export keeps of a row. */
export function pickKeys<T extends object, const K extends keyof T>(object: T, keys: readonly K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, object[key]])) as Pick<T, K>;
}
