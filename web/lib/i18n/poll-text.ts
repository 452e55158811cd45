import type { FieldError } from "../polls/answers";
import type { Locale } from "./locales";

// Strings of the poll form and the results chart. Kept apart from the dictionaries because the
// form and the live results are client components: only these strings ship to the browser.
// Numbers arrive already formatted in the locale's digits.

export type FormErrorCode =
  | "EMPTY"
  | "ALREADY_RESPONDED"
  | "POLL_CLOSED"
  | "POLL_NOT_OPEN"
  | "RATE_LIMITED"
  | "UNAVAILABLE";

export interface PollText {
  optional: string;
  chooseOne: string;
  chooseAny: string;
  chooseUpTo: (max: string) => string;
  ratingHint: string;
  npsHint: string;
  textHint: (max: string) => string;
  districtLabel: string;
  districtHint: string;
  districtPlaceholder: string;
  submit: string;
  submitting: string;
  errorSummary: string;
  fieldError: (error: FieldError, format: (n: number) => string) => string;
  formError: Record<FormErrorCode, string>;
  seeResults: string;
  results: {
    responses: (n: string) => string;
    answered: (n: string) => string;
    optionCount: (share: string, count: string) => string;
    ratingMean: (mean: string) => string;
    ratingScale: string;
    npsScore: (score: string) => string;
    npsScale: string;
    promoters: string;
    passives: string;
    detractors: string;
    freeText: string;
    noAnswers: string;
    live: string;
    updated: (n: string) => string;
  };
}

const fa: PollText = {
  optional: "(اختیاری)",
  chooseOne: "یک گزینه را انتخاب کنید.",
  chooseAny: "هر چند گزینه که با نظرتان جور است انتخاب کنید.",
  chooseUpTo: (max) => `حداکثر ${max} گزینه را انتخاب کنید.`,
  ratingHint: "۱ یعنی خیلی بد و ۵ یعنی عالی.",
  npsHint: "۰ یعنی به هیچ وجه و ۱۰ یعنی حتماً.",
  textHint: (max) => `حداکثر ${max} نویسه.`,
  districtLabel: "منطقه محل زندگی شما",
  districtHint: "فقط برای مقایسه نظر مناطق؛ پاسخ شما بی‌نام ثبت می‌شود.",
  districtPlaceholder: "یک منطقه را انتخاب کنید",
  submit: "ثبت پاسخ",
  submitting: "در حال ثبت…",
  errorSummary: "پاسخ شما هنوز ثبت نشده است. لطفاً این موارد را بررسی کنید:",
  fieldError: (error, n) => {
    switch (error.code) {
      case "REQUIRED":
        return "به این پرسش پاسخ دهید.";
      case "TOO_MANY":
        return `حداکثر ${n(error.max)} گزینه را انتخاب کنید.`;
      case "TOO_LONG":
        return `پاسخ را به ${n(error.max)} نویسه کوتاه کنید.`;
      case "INVALID":
        return "این پاسخ پذیرفته نیست؛ دوباره انتخاب کنید.";
      case "DISTRICT_REQUIRED":
        return "منطقه محل زندگی خود را انتخاب کنید.";
      case "DISTRICT_NOT_ELIGIBLE":
        return "این نظرسنجی برای ساکنان مناطق دیگری است.";
    }
  },
  formError: {
    EMPTY: "دست‌کم به یکی از پرسش‌ها پاسخ دهید.",
    ALREADY_RESPONDED: "شما پیش‌تر به این نظرسنجی پاسخ داده‌اید؛ هر نفر یک بار می‌تواند پاسخ دهد.",
    POLL_CLOSED: "این نظرسنجی بسته شده است و پاسخ تازه‌ای نمی‌پذیرد.",
    POLL_NOT_OPEN: "این نظرسنجی هنوز باز نشده است.",
    RATE_LIMITED: "در چند دقیقه گذشته پاسخ‌های زیادی از این نشانی رسیده است. کمی بعد دوباره تلاش کنید.",
    UNAVAILABLE: "اکنون نمی‌توانیم پاسخ شما را ثبت کنیم. لطفاً کمی بعد دوباره تلاش کنید.",
  },
  seeResults: "دیدن نتایج",
  results: {
    responses: (n) => `${n} پاسخ`,
    answered: (n) => `${n} نفر پاسخ داده‌اند`,
    optionCount: (share, count) => `${share} (${count} نفر)`,
    ratingMean: (mean) => `میانگین: ${mean} از ۵`,
    ratingScale: "پراکندگی نمره‌ها از ۱ تا ۵",
    npsScore: (score) => `شاخص خالص ترویج (NPS): ${score}`,
    npsScale: "پراکندگی نمره‌ها از ۰ تا ۱۰",
    promoters: "مروّجان (۹ و ۱۰)",
    passives: "بی‌طرف‌ها (۷ و ۸)",
    detractors: "منتقدان (۰ تا ۶)",
    freeText: "پاسخ‌های متنی را کارشناسان روابط عمومی می‌خوانند؛ این پاسخ‌ها منتشر نمی‌شوند.",
    noAnswers: "هنوز پاسخی نرسیده است.",
    live: "به‌روزرسانی زنده",
    updated: (n) => `نتایج به‌روز شد: ${n} پاسخ`,
  },
};

const en: PollText = {
  optional: "(optional)",
  chooseOne: "Choose one.",
  chooseAny: "Choose all that apply.",
  chooseUpTo: (max) => `Choose up to ${max}.`,
  ratingHint: "1 means very poor and 5 means excellent.",
  npsHint: "0 means not at all likely and 10 means extremely likely.",
  textHint: (max) => `Up to ${max} characters.`,
  districtLabel: "The district you live in",
  districtHint: "Only to compare districts; your answer is recorded anonymously.",
  districtPlaceholder: "Choose a district",
  submit: "Send my answer",
  submitting: "Sending…",
  errorSummary: "Your answer has not been sent yet. Please check:",
  fieldError: (error, n) => {
    switch (error.code) {
      case "REQUIRED":
        return "Answer this question.";
      case "TOO_MANY":
        return `Choose no more than ${n(error.max)}.`;
      case "TOO_LONG":
        return `Shorten your answer to ${n(error.max)} characters.`;
      case "INVALID":
        return "This answer is not accepted; choose again.";
      case "DISTRICT_REQUIRED":
        return "Choose the district you live in.";
      case "DISTRICT_NOT_ELIGIBLE":
        return "This poll is for residents of other districts.";
    }
  },
  formError: {
    EMPTY: "Answer at least one of the questions.",
    ALREADY_RESPONDED: "You have already answered this poll; everyone can answer once.",
    POLL_CLOSED: "This poll is closed and takes no more answers.",
    POLL_NOT_OPEN: "This poll is not open yet.",
    RATE_LIMITED: "Many answers came from this address in the last few minutes. Please try again shortly.",
    UNAVAILABLE: "We cannot record your answer right now. Please try again in a moment.",
  },
  seeResults: "See the results",
  results: {
    responses: (n) => `${n} responses`,
    answered: (n) => `${n} people answered`,
    optionCount: (share, count) => `${share} (${count})`,
    ratingMean: (mean) => `Average: ${mean} out of 5`,
    ratingScale: "How the ratings from 1 to 5 are spread",
    npsScore: (score) => `Net Promoter Score: ${score}`,
    npsScale: "How the scores from 0 to 10 are spread",
    promoters: "Promoters (9–10)",
    passives: "Passives (7–8)",
    detractors: "Detractors (0–6)",
    freeText: "Written answers are read by the public-relations staff and are not published.",
    noAnswers: "No answers yet.",
    live: "Live",
    updated: (n) => `Results updated: ${n} responses`,
  },
};

export const pollText: Record<Locale, PollText> = { fa, en };
