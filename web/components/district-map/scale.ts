// The choropleth's colours: a sequential palette (ColorBrewer "Blues", 5 classes, readable by
// people with colour-vision deficiencies and in greyscale), classes of equal width between the
// smallest and largest figure shown. Withheld districts get a neutral grey, never a class.

export const PALETTE = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'] as const;
/** Districts whose figure is withheld (too few answers) or that have none. */
export const WITHHELD_COLOUR = '#d9d9d9';

export interface ScaleClass {
  colour: string;
  from: number;
  to: number;
}

/** The classes for these figures: one per palette colour, or fewer when the figures are few or equal. */
export function classes(values: number[]): ScaleClass[] {
  if (!values.length) return [];
  const [min, max] = [Math.min(...values), Math.max(...values)];
  if (min === max) return [{ colour: PALETTE[PALETTE.length - 1], from: min, to: max }];
  const n = Math.min(PALETTE.length, Math.max(2, new Set(values).size));
  const step = (max - min) / n;
  const offset = PALETTE.length - n;
  return Array.from({ length: n }, (_, i) => ({
    colour: PALETTE[offset + i],
    from: min + i * step,
    to: i === n - 1 ? max : min + (i + 1) * step,
  }));
}

export function colourOf(value: number | null, scale: ScaleClass[]): string {
  if (value === null || !scale.length) return WITHHELD_COLOUR;
  const found = scale.find((c, i) => value < c.to || i === scale.length - 1);
  return found!.colour;
}
