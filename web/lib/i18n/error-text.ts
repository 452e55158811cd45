import type { Locale } from './locales';

// Kept apart from the dictionaries because the error boundary is a client component:
// only these few strings ship to the browser.
export const errorText: Record<Locale, { title: string; body: string; retry: string }> = {
  fa: {
    title: 'این صفحه اکنون در دسترس نیست',
    body: 'در دریافت اطلاعات مشکلی پیش آمد. لطفاً چند لحظه بعد دوباره تلاش کنید.',
    retry: 'تلاش دوباره',
  },
  en: {
    title: 'This page is not available right now',
    body: 'We could not load the information. Please try again in a moment.',
    retry: 'Try again',
  },
};
