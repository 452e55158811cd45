import { registerEnumType } from 'type-graphql';

/** The screen width class a page view was seen at: the beacon sends the class, never the width. */
export enum ScreenClass {
  MOBILE = 'MOBILE',
  TABLET = 'TABLET',
  DESKTOP = 'DESKTOP',
}
registerEnumType(ScreenClass, {
  name: 'ScreenClass',
  description: 'The width class of the screen a page was viewed on.',
  valuesConfig: {
    MOBILE: { description: 'Narrower than 768 CSS pixels: phones.' },
    TABLET: { description: 'From 768 to 1199 CSS pixels: tablets and small laptops.' },
    DESKTOP: { description: '1200 CSS pixels or wider.' },
  },
});

/** What a row of the daily dimension rollup counts by. */
export enum TrafficDimension {
  PAGE = 'PAGE',
  REFERRER = 'REFERRER',
  SCREEN = 'SCREEN',
  LANGUAGE = 'LANGUAGE',
}

/** The value stored for "none" (no referrer, unknown screen or language): keys cannot be NULL. */
export const NO_VALUE = '';
