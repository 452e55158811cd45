import type { FieldError } from '../polls/answers';
import type { Locale } from './locales';
import type { PollAssurance, ResponseAssurance } from '@/lib/api/graphql.generated';
import { countOf } from './plural';

// Strings of the poll form and the results chart. Kept apart from the dictionaries because the
// form and the live results are client components: only these strings ship to the browser.
// Numbers arrive already formatted in the locale's digits.

export type FormErrorCode =
  'EMPTY' | 'ALREADY_RESPONDED' | 'POLL_CLOSED' | 'POLL_NOT_OPEN' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'CHALLENGE_FAILED' | 'TOKEN_INVALID';

/** Why a verification step (sending a code, checking it, signing the token) did not go through. */
export type VerifyErrorCode =
  | 'PHONE_REQUIRED'
  | 'PHONE_INVALID'
  | 'RESIDENT_ID_REQUIRED'
  | 'RESIDENT_ID_INVALID'
  | 'CODE_REQUIRED'
  | 'CODE_INVALID'
  | 'CODE_EXPIRED'
  | 'RATE_LIMITED'
  | 'SMS_DOWN'
  | 'NOT_ELIGIBLE'
  | 'TOKEN_ALREADY_ISSUED'
  | 'POLL_CLOSED'
  | 'NO_CRYPTO'
  | 'UNAVAILABLE';

export interface VerifyError {
  code: VerifyErrorCode;
  /** CODE_INVALID: wrong tries left on this code. */
  attemptsLeft?: number;
  /** RATE_LIMITED: seconds to wait. */
  retryAfter?: number;
}

export type PollAssuranceLevel = PollAssurance;

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
  assurance: {
    /** What each level asks of the respondent, shown above the form. */
    title: Record<PollAssuranceLevel, string>;
    intro: Record<PollAssuranceLevel, string>;
    noScript: string;
    proofOfWork: string;
    phoneLabel: string;
    phoneHint: string;
    sendCode: string;
    sendingCode: string;
    codeSent: (maskedPhone: string, minutes: string) => string;
    codeLabel: string;
    codeHint: string;
    verify: string;
    verifying: string;
    otherNumber: string;
    residentLabel: string;
    residentHint: string;
    verified: string;
    error: (error: VerifyError, n: (value: number) => string) => string;
  };
  results: {
    responses: (n: string) => string;
    answered: (n: string) => string;
    optionCount: (share: string, count: string) => string;
    /** Disclosure control: a question under the poll's minimum of answers. */
    withheld: (needed: string) => string;
    /** A count withheld (under 5, or one that would give such a count away). */
    suppressed: string;
    suppressedNote: string;
    ratingMean: (mean: string) => string;
    ratingScale: string;
    npsScore: (score: string) => string;
    npsScale: string;
    promoters: string;
    passives: string;
    detractors: string;
    freeText: string;
    noAnswers: string;
    /** No answer counted yet, but some waiting for their batch: «no answers» read wrong to the one who just answered. */
    notCountedYet: string;
    live: string;
    updated: (n: string) => string;
    verified: (total: string, verified: string) => string;
    waitingTitle: (n: string) => string;
    waitingBody: string;
    assuranceTitle: string;
    assurance: Record<ResponseAssurance, (n: string) => string>;
  };
  /** Public results by district: a choropleth of one question, with its table. */
  byDistrict: {
    title: string;
    intro: string;
    question: string;
    district: string;
    show: string;
    /** Choice questions: the share choosing the option most chose overall. */
    share: (option: string) => string;
    mean: string;
    nps: string;
    answers: string;
    /** A figure withheld by disclosure control: too few answers, or one the others would give away. */
    withheld: string;
    mapLabel: (prompt: string) => string;
    noFigures: string;
    unavailable: string;
  };
}

const fa: PollText = {
  optional: '(اختیاری)',
  chooseOne: 'یک گزینه را انتخاب کنید.',
  chooseAny: 'هر چند گزینه که با نظرتان جور است انتخاب کنید.',
  chooseUpTo: (max) => `حداکثر ${max} گزینه را انتخاب کنید.`,
  ratingHint: '۱ یعنی خیلی بد و ۵ یعنی عالی.',
  npsHint: '۰ یعنی به هیچ وجه و ۱۰ یعنی حتماً.',
  textHint: (max) => `حداکثر ${max} نویسه.`,
  districtLabel: 'منطقه محل زندگی شما',
  districtHint: 'فقط برای مقایسه نظر مناطق؛ پاسخ شما بی‌نام ثبت می‌شود.',
  districtPlaceholder: 'یک منطقه را انتخاب کنید',
  submit: 'ثبت پاسخ',
  submitting: 'در حال ثبت…',
  errorSummary: 'پاسخ شما هنوز ثبت نشده است. لطفاً این موارد را بررسی کنید:',
  fieldError: (error, n) => {
    switch (error.code) {
      case 'REQUIRED':
        return 'به این پرسش پاسخ دهید.';
      case 'TOO_MANY':
        return `حداکثر ${n(error.max)} گزینه را انتخاب کنید.`;
      case 'TOO_LONG':
        return `پاسخ را به ${n(error.max)} نویسه کوتاه کنید.`;
      case 'INVALID':
        return 'این پاسخ پذیرفته نیست؛ دوباره انتخاب کنید.';
      case 'DISTRICT_REQUIRED':
        return 'منطقه محل زندگی خود را انتخاب کنید.';
      case 'DISTRICT_NOT_ELIGIBLE':
        return 'این نظرسنجی برای ساکنان مناطق دیگری است.';
    }
  },
  formError: {
    EMPTY: 'دست‌کم به یکی از پرسش‌ها پاسخ دهید.',
    ALREADY_RESPONDED: 'شما پیش‌تر به این نظرسنجی پاسخ داده‌اید؛ هر نفر یک بار می‌تواند پاسخ دهد.',
    POLL_CLOSED: 'این نظرسنجی بسته شده است و پاسخ تازه‌ای نمی‌پذیرد.',
    POLL_NOT_OPEN: 'این نظرسنجی هنوز باز نشده است.',
    RATE_LIMITED: 'در چند دقیقه گذشته پاسخ‌های زیادی از این نشانی رسیده است. کمی بعد دوباره تلاش کنید.',
    UNAVAILABLE: 'اکنون نمی‌توانیم پاسخ شما را ثبت کنیم. لطفاً کمی بعد دوباره تلاش کنید.',
    CHALLENGE_FAILED: 'بررسی خودکار مرورگر شما کامل نشد یا کهنه شده است. لطفاً دوباره «ثبت پاسخ» را بزنید.',
    TOKEN_INVALID: 'تأیید هویت شما برای این نظرسنجی پذیرفته نشد. لطفاً دوباره تأیید کنید.',
  },
  seeResults: 'دیدن نتایج',
  assurance: {
    title: {
      OPEN: 'نظرسنجی باز',
      VERIFIED_PHONE: 'نظرسنجی با تأیید شماره همراه',
      RESIDENT_LIST: 'نظرسنجی ویژه فهرست ساکنان',
    },
    intro: {
      OPEN: 'هر کس می‌تواند یک بار پاسخ دهد. مرورگر شما پیش از ارسال یک محاسبه کوچک انجام می‌دهد تا پاسخ‌های انبوه خودکار کنار گذاشته شوند؛ بدون کوکی و بدون سرویس بیرونی.',
      VERIFIED_PHONE:
        'هر شماره همراه یک پاسخ. اول کدی را که پیامک می‌شود وارد کنید، سپس پاسخ دهید. شماره شما کنار پاسختان ذخیره نمی‌شود: مرورگرتان یک رسید بی‌نام می‌گیرد و پاسخ را با آن می‌فرستد.',
      RESIDENT_LIST:
        'فقط کسانی که در فهرست ساکنان این نظرسنجی هستند، هر نفر یک بار، پاسخ می‌دهند. اول کد ملی یا شماره عضویت خود را وارد کنید. این شناسه کنار پاسختان ذخیره نمی‌شود: مرورگرتان یک رسید بی‌نام می‌گیرد و پاسخ را با آن می‌فرستد.',
    },
    noScript:
      'برای این نظرسنجی جاوااسکریپت لازم است: رسید بی‌نام پاسخ شما در خود مرورگرتان ساخته می‌شود تا هیچ کارسازی شناسه شما را به پاسختان پیوند ندهد. لطفاً جاوااسکریپت را روشن کنید.',
    proofOfWork: 'بررسی خودکار مرورگر',
    phoneLabel: 'شماره تلفن همراه',
    phoneHint: 'مثلاً ۰۹۱۲۱۲۳۴۵۶۷؛ با رقم‌های فارسی یا انگلیسی.',
    sendCode: 'فرستادن کد',
    sendingCode: 'در حال فرستادن…',
    // The number is isolated left to right (U+2066…U+2069), or RTL text would show its halves swapped.
    codeSent: (masked, minutes) => `کد به \u2066${masked}\u2069 پیامک شد و تا ${minutes} دقیقه اعتبار دارد.`,
    codeLabel: 'کد تأیید',
    codeHint: 'کد شش‌رقمی پیامک‌شده.',
    verify: 'تأیید',
    verifying: 'در حال تأیید…',
    otherNumber: 'شماره دیگر',
    residentLabel: 'کد ملی یا شماره عضویت',
    residentHint: 'کد ملی ده‌رقمی (با رقم‌های فارسی یا انگلیسی) یا شماره عضویتی که در فهرست آمده است.',
    verified: 'تأیید شد. اکنون می‌توانید پاسخ دهید؛ پاسخ شما بی‌نام ثبت می‌شود.',
    error: (error, n) => {
      switch (error.code) {
        case 'PHONE_REQUIRED':
          return 'شماره همراه خود را وارد کنید.';
        case 'PHONE_INVALID':
          return 'این شماره همراه ایرانی نیست. شماره‌ای مانند ۰۹۱۲۱۲۳۴۵۶۷ وارد کنید.';
        case 'RESIDENT_ID_REQUIRED':
          return 'کد ملی یا شماره عضویت خود را وارد کنید.';
        case 'RESIDENT_ID_INVALID':
          return 'این کد ملی یا شماره عضویت درست نیست؛ رقم‌ها را دوباره بررسی کنید.';
        case 'CODE_REQUIRED':
          return 'کد پیامک‌شده را وارد کنید.';
        case 'CODE_INVALID':
          return error.attemptsLeft !== undefined
            ? `این کد درست نیست. ${n(error.attemptsLeft)} بار دیگر می‌توانید امتحان کنید.`
            : 'این کد درست نیست.';
        case 'CODE_EXPIRED':
          return 'این کد دیگر اعتبار ندارد (پس از ۲ دقیقه یا ۵ تلاش نادرست باطل می‌شود). کد تازه‌ای بخواهید.';
        case 'RATE_LIMITED':
          return error.retryAfter !== undefined
            ? `درخواست‌ها بیش از حد شده است. ${waitText(error.retryAfter, n, 'fa')} دیگر دوباره تلاش کنید.`
            : 'درخواست‌ها بیش از حد شده است. کمی بعد دوباره تلاش کنید.';
        case 'SMS_DOWN':
          return 'سامانه پیامک اکنون پاسخ نمی‌دهد و کدی فرستاده نشد. یک دقیقه دیگر دوباره تلاش کنید.';
        case 'NOT_ELIGIBLE':
          return 'این شناسه در فهرست این نظرسنجی نیست.';
        case 'TOKEN_ALREADY_ISSUED':
          return 'با این شناسه پیش‌تر برای این نظرسنجی تأیید گرفته شده است؛ هر نفر فقط یک بار می‌تواند پاسخ دهد.';
        case 'POLL_CLOSED':
          return 'این نظرسنجی دیگر پاسخ نمی‌پذیرد.';
        case 'NO_CRYPTO':
          return 'مرورگر شما رمزنگاری لازم را ندارد. لطفاً با مرورگری تازه‌تر امتحان کنید.';
        case 'UNAVAILABLE':
          return 'اکنون نمی‌توانیم تأیید کنیم. لطفاً کمی بعد دوباره تلاش کنید.';
      }
    },
  },
  results: {
    responses: (n) => `${n} پاسخ`,
    answered: (n) => `${n} نفر پاسخ داده‌اند`,
    optionCount: (share, count) => `${share} (${count} نفر)`,
    withheld: (needed) => `برای حفظ حریم خصوصی پاسخ‌دهندگان، نتیجه این پرسش پس از ${needed} پاسخ دیگر نشان داده می‌شود.`,
    suppressed: 'کمتر از ۵ نفر یا پنهان',
    suppressedNote: 'شمارهای کمتر از ۵، و شمارهایی که از روی جمع آن‌ها را لو می‌دهند، نشان داده نمی‌شوند تا کسی شناسایی نشود.',
    ratingMean: (mean) => `میانگین: ${mean} از ۵`,
    ratingScale: 'پراکندگی نمره‌ها از ۱ تا ۵',
    npsScore: (score) => `شاخص خالص ترویج (NPS): ${score}`,
    npsScale: 'پراکندگی نمره‌ها از ۰ تا ۱۰',
    promoters: 'مروّجان (۹ و ۱۰)',
    passives: 'بی‌طرف‌ها (۷ و ۸)',
    detractors: 'منتقدان (۰ تا ۶)',
    freeText: 'پاسخ‌های متنی را کارشناسان روابط عمومی می‌خوانند؛ این پاسخ‌ها منتشر نمی‌شوند.',
    noAnswers: 'هنوز پاسخی نرسیده است.',
    notCountedYet: 'پاسخ‌ها رسیده‌اند ولی هنوز شمرده نشده‌اند؛ با دسته بعدی پاسخ‌ها اینجا نشان داده می‌شوند.',
    live: 'به‌روزرسانی زنده',
    updated: (n) => `نتایج به‌روز شد: ${n} پاسخ`,
    verified: (total, verified) => `${total} پاسخ، ${verified} پاسخ تأییدشده`,
    waitingTitle: (n) => `${n} پاسخ هنوز شمرده نشده است`,
    assuranceTitle: 'پاسخ‌ها بر پایه آنچه تأیید شده است',
    assurance: {
      CHALLENGED: (n) => `${n} با بررسی خودکار مرورگر`,
      UNCHALLENGED: (n) => `${n} بدون بررسی خودکار (بدون جاوااسکریپت)`,
      PHONE: (n) => `${n} با شماره همراه تأییدشده`,
      RESIDENT: (n) => `${n} از فهرست ساکنان`,
    },
    waitingBody:
      'برای حفظ حریم خصوصی، پاسخ‌ها یکی‌یکی به نتایج افزوده نمی‌شوند: در دسته‌های دست‌کم ده‌تایی و به ترتیبی درهم منتقل می‌شوند تا زمان یا ترتیب ثبت، هیچ پاسخی را به پاسخ‌دهنده‌اش پیوند ندهد. تا دسته بعدی کامل شود، نتایج کمی عقب‌تر است.',
  },
  byDistrict: {
    title: 'نتایج به تفکیک منطقه',
    intro:
      'پاسخ یک پرسش در هر منطقه. رقم منطقه‌ای که کمتر از حد نصاب پاسخ دارد، یا رقمی که از روی جمع دیگر ارقام معلوم می‌شود، برای حفظ حریم خصوصی «پنهان» می‌ماند.',
    question: 'پرسش',
    district: 'منطقه',
    show: 'نمایش',
    share: (option) => `سهم گزینه «${option}»`,
    mean: 'میانگین نمره',
    nps: 'شاخص خالص ترویج (NPS)',
    answers: 'پاسخ‌ها',
    withheld: 'پنهان',
    mapLabel: (prompt) => `نقشه مناطق شهر برای پرسش «${prompt}»؛ همین ارقام در جدول کنار نقشه آمده است.`,
    noFigures: 'این پرسش هنوز پاسخ کافی برای نمایش به تفکیک منطقه ندارد.',
    unavailable: 'نتایج به تفکیک منطقه اکنون در دسترس نیست.',
  },
};

const en: PollText = {
  optional: '(optional)',
  chooseOne: 'Choose one.',
  chooseAny: 'Choose all that apply.',
  chooseUpTo: (max) => `Choose up to ${max}.`,
  ratingHint: '1 means very poor and 5 means excellent.',
  npsHint: '0 means not at all likely and 10 means extremely likely.',
  textHint: (max) => `Up to ${max} characters.`,
  districtLabel: 'The district you live in',
  districtHint: 'Only to compare districts; your answer is recorded anonymously.',
  districtPlaceholder: 'Choose a district',
  submit: 'Send my answer',
  submitting: 'Sending…',
  errorSummary: 'Your answer has not been sent yet. Please check:',
  fieldError: (error, n) => {
    switch (error.code) {
      case 'REQUIRED':
        return 'Answer this question.';
      case 'TOO_MANY':
        return `Choose no more than ${n(error.max)}.`;
      case 'TOO_LONG':
        return `Shorten your answer to ${n(error.max)} characters.`;
      case 'INVALID':
        return 'This answer is not accepted; choose again.';
      case 'DISTRICT_REQUIRED':
        return 'Choose the district you live in.';
      case 'DISTRICT_NOT_ELIGIBLE':
        return 'This poll is for residents of other districts.';
    }
  },
  formError: {
    EMPTY: 'Answer at least one of the questions.',
    ALREADY_RESPONDED: 'You have already answered this poll; everyone can answer once.',
    POLL_CLOSED: 'This poll is closed and takes no more answers.',
    POLL_NOT_OPEN: 'This poll is not open yet.',
    RATE_LIMITED: 'Many answers came from this address in the last few minutes. Please try again shortly.',
    UNAVAILABLE: 'We cannot record your answer right now. Please try again in a moment.',
    CHALLENGE_FAILED: "Your browser's automatic check did not complete or has expired. Please press “Send my answer” again.",
    TOKEN_INVALID: 'Your verification for this poll was not accepted. Please verify again.',
  },
  seeResults: 'See the results',
  assurance: {
    title: {
      OPEN: 'Open poll',
      VERIFIED_PHONE: 'Poll with mobile number verification',
      RESIDENT_LIST: 'Poll for listed residents',
    },
    intro: {
      OPEN: 'Anyone can answer once. Before sending, your browser does a small calculation that keeps out automated mass answers; no cookie and no outside service.',
      VERIFIED_PHONE:
        'One answer per mobile number. First enter the code we text you, then answer. Your number is not stored with your answer: your browser gets an anonymous receipt and answers with it.',
      RESIDENT_LIST:
        "Only people on this poll's list of residents can answer, once each. First enter your national code or member number. It is not stored with your answer: your browser gets an anonymous receipt and answers with it.",
    },
    noScript:
      "This poll needs JavaScript: your answer's anonymous receipt is made in your own browser so that no server can link your identity to your answer. Please turn JavaScript on.",
    proofOfWork: 'Automatic browser check',
    phoneLabel: 'Mobile number',
    phoneHint: 'For example 09121234567, in Persian or Latin digits.',
    sendCode: 'Send the code',
    sendingCode: 'Sending…',
    codeSent: (masked, minutes) => `We texted a code to ${masked}. It works for ${minutes} minutes.`,
    codeLabel: 'Verification code',
    codeHint: 'The six-digit code in the text message.',
    verify: 'Verify',
    verifying: 'Verifying…',
    otherNumber: 'Use another number',
    residentLabel: 'National code or member number',
    residentHint: 'Your ten-digit national code (Persian or Latin digits) or the member number on the list.',
    verified: 'Verified. You can answer now; your answer is recorded anonymously.',
    error: (error, n) => {
      switch (error.code) {
        case 'PHONE_REQUIRED':
          return 'Enter your mobile number.';
        case 'PHONE_INVALID':
          return 'This is not an Iranian mobile number. Enter one like 09121234567.';
        case 'RESIDENT_ID_REQUIRED':
          return 'Enter your national code or member number.';
        case 'RESIDENT_ID_INVALID':
          return 'This national code or member number is not valid; check the digits.';
        case 'CODE_REQUIRED':
          return 'Enter the code we texted you.';
        case 'CODE_INVALID':
          return error.attemptsLeft !== undefined
            ? `That is not the code. You can try ${n(error.attemptsLeft)} more times.`
            : 'That is not the code.';
        case 'CODE_EXPIRED':
          return 'This code no longer works (codes end after 2 minutes or 5 wrong tries). Ask for a new one.';
        case 'RATE_LIMITED':
          return error.retryAfter !== undefined
            ? `Too many attempts. Try again in ${waitText(error.retryAfter, n, 'en')}.`
            : 'Too many attempts. Please try again shortly.';
        case 'SMS_DOWN':
          return 'The text message service is not answering and no code was sent. Try again in a minute.';
        case 'NOT_ELIGIBLE':
          return "This identifier is not on this poll's list.";
        case 'TOKEN_ALREADY_ISSUED':
          return 'This identity was already verified for this poll; everyone can answer once.';
        case 'POLL_CLOSED':
          return 'This poll takes no more answers.';
        case 'NO_CRYPTO':
          return 'Your browser lacks the cryptography this needs. Please try a newer browser.';
        case 'UNAVAILABLE':
          return 'We cannot verify right now. Please try again in a moment.';
      }
    },
  },
  results: {
    responses: (n) => countOf(n, 'response', 'responses'),
    answered: (n) => `${countOf(n, 'person', 'people')} answered`,
    optionCount: (share, count) => `${share} (${count})`,
    withheld: (needed) => `To protect respondents' privacy, this question's results are shown after ${needed} more answers.`,
    suppressed: 'Under 5, or withheld',
    suppressedNote:
      'Counts under 5, and counts that would give them away from the total, are not shown, so that no one can be singled out.',
    ratingMean: (mean) => `Average: ${mean} out of 5`,
    ratingScale: 'How the ratings from 1 to 5 are spread',
    npsScore: (score) => `Net Promoter Score: ${score}`,
    npsScale: 'How the scores from 0 to 10 are spread',
    promoters: 'Promoters (9–10)',
    passives: 'Passives (7–8)',
    detractors: 'Detractors (0–6)',
    freeText: 'Written answers are read by the public-relations staff and are not published.',
    noAnswers: 'No answers yet.',
    notCountedYet: 'Answers have come in but are not counted yet; they will show here with the next batch.',
    live: 'Live',
    updated: (n) => `Results updated: ${countOf(n, 'response', 'responses')}`,
    verified: (total, verified) => `${countOf(total, 'response', 'responses')}, ${verified} verified`,
    waitingTitle: (n) => `${countOf(n, 'answer is', 'answers are')} not counted yet`,
    assuranceTitle: 'Responses by what was verified',
    assurance: {
      CHALLENGED: (n) => `${n} with the automatic browser check`,
      UNCHALLENGED: (n) => `${n} without the automatic check (no JavaScript)`,
      PHONE: (n) => `${n} from a verified mobile number`,
      RESIDENT: (n) => `${n} from the resident list`,
    },
    waitingBody:
      'To protect privacy, answers are not added to the results one by one: they move in shuffled batches of at least ten, so that neither the time nor the order of an answer links it to the person who gave it. Until the next batch fills, the results lag a little.',
  },
  byDistrict: {
    title: 'Results by district',
    intro:
      "One question's answers in each district. A district with fewer answers than the poll's minimum, or a figure that could be worked out from the others, reads “withheld”, to protect privacy.",
    question: 'Question',
    district: 'District',
    show: 'Show',
    share: (option) => `Share choosing “${option}”`,
    mean: 'Average rating',
    nps: 'Net Promoter Score',
    answers: 'Answers',
    withheld: 'Withheld',
    mapLabel: (prompt) => `Map of the city's districts for the question “${prompt}”; the table beside it gives the same figures.`,
    noFigures: 'This question does not have enough answers yet to be shown by district.',
    unavailable: 'Results by district are not available just now.',
  },
};

export const pollText: Record<Locale, PollText> = { fa, en };

/** "3 minutes" / "40 seconds" for a wait given in seconds. */
function waitText(seconds: number, n: (value: number) => string, locale: Locale): string {
  if (seconds >= 90) {
    const minutes = Math.ceil(seconds / 60);
    return locale === 'fa' ? `${n(minutes)} دقیقه` : `${n(minutes)} minutes`;
  }
  return locale === 'fa' ? `${n(seconds)} ثانیه` : `${n(seconds)} seconds`;
}
