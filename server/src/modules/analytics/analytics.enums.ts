import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';
import { selfNamed } from '../../common/self-named';

/** The screen width class a page view was seen at: the beacon sends the class, never the width. */
export const ScreenClass = graphqlEnum('ScreenClass', 'The width class of the screen a page was viewed on.', {
  MOBILE: 'Narrower than 768 CSS pixels: phones.',
  TABLET: 'From 768 to 1199 CSS pixels: tablets and small laptops.',
  DESKTOP: '1200 CSS pixels or wider.',
});
export type ScreenClass = EnumValue<typeof ScreenClass>;

/** What a row of the daily dimension rollup counts by. */
export const TrafficDimension = selfNamed('PAGE', 'REFERRER', 'SCREEN', 'LANGUAGE');
export type TrafficDimension = EnumValue<typeof TrafficDimension>;

/** The value stored for "none" (no referrer, unknown screen or language): keys cannot be NULL. */
export const NO_VALUE = '';
