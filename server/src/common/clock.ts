/** What time it is: the system clock, or a test's (services that take one use it instead of `new Date()`). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
