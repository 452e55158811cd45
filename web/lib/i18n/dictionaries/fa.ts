import type { GoalCategory, GoalStatus } from "../../api/schema";

// Persian is the source text; the English dictionary must have the same shape.
export const fa = {
  siteName: "روابط عمومی شهرداری",
  siteTagline: "نبض: پیوند شهروندان و مدیریت شهری",
  metaDescription:
    "اهداف و برنامه‌های روابط عمومی شهرداری و مناطق شهر، برای آگاهی و مشارکت شهروندان.",
  skipToContent: "پرش به محتوای اصلی",
  today: "امروز",
  nav: {
    label: "پیوندهای اصلی",
    home: "خانه",
    goals: "اهداف و برنامه‌ها",
  },
  languageSwitch: "English",
  home: {
    heroEyebrow: "روابط عمومی شهرداری",
    heroTitle: "صدای شهر، در کنار شهروندان",
    heroBody:
      "روابط عمومی پل میان مردم و مدیریت شهری است: شهروندان را از برنامه‌ها و خدمات شهر باخبر می‌کند، صدای آنان را می‌شنود و به تصمیم‌گیران می‌رساند، و راه مشارکت همگان را در ساختن شهری بهتر می‌گشاید.",
    heroAction: "اهداف و برنامه‌های ما را بخوانید",
    goalsTitle: "اهداف در یک نگاه",
    goalsIntro: "شش هدف نخست از برنامه‌های روابط عمومی، به ترتیب اولویت.",
    allGoals: (count: string) => `دیدن همه ${count} هدف`,
    districtsTitle: "مناطق شهر",
    districtsIntro: "شهرداری‌های مناطق و جمعیت هر منطقه.",
    population: "جمعیت",
    people: (count: string) => `${count} نفر`,
    totalPopulation: (count: string) => `جمعیت کل: ${count} نفر`,
  },
  goals: {
    title: "اهداف و برنامه‌های روابط عمومی",
    intro:
      "آنچه روابط عمومی شهرداری برای آگاهی، مشارکت و اعتماد شهروندان دنبال می‌کند، به ترتیب اولویت.",
    searchLabel: "جستجو در اهداف",
    categoryLabel: "دسته",
    allCategories: "همه دسته‌ها",
    submit: "جستجو",
    clear: "نمایش همه اهداف",
    count: (count: string) => `${count} هدف`,
    noMatch: "هیچ هدفی با این جستجو پیدا نشد.",
    noMatchHint: "واژه دیگری را امتحان کنید یا دسته را بردارید.",
    updated: "به‌روزرسانی",
  },
  goalStatus: {
    DRAFT: "پیش‌نویس",
    ACTIVE: "در حال اجرا",
    COMPLETED: "انجام‌شده",
    ARCHIVED: "بایگانی‌شده",
  } satisfies Record<GoalStatus, string>,
  categories: {
    AWARENESS: "اطلاع‌رسانی و آگاه‌سازی",
    REPUTATION: "اعتبار و وجهه شهرداری",
    CITIZEN_PARTICIPATION: "مشارکت شهروندان",
    PUBLIC_OPINION: "افکار عمومی",
    MEDIA_RELATIONS: "ارتباط با رسانه‌ها",
    INTERNAL_COMMUNICATION: "ارتباطات درون‌سازمانی",
    EVENTS_AND_OCCASIONS: "مراسم و مناسبت‌ها",
    CRISIS_MANAGEMENT: "ارتباطات بحران",
    MANAGEMENT_SUPPORT: "پشتیبانی از مدیریت شهری",
    CULTURE: "فرهنگ شهروندی",
  } satisfies Record<GoalCategory, string>,
  notFound: {
    title: "این صفحه پیدا نشد",
    body: "نشانی را بررسی کنید یا از صفحه نخست ادامه دهید.",
    home: "بازگشت به صفحه نخست",
  },
  footer: {
    about:
      "اطلاع‌رسانی شفاف، شنیدن صدای شهروندان و گسترش مشارکت همگان در اداره شهر.",
    rights: (year: string) => `© ${year} شهرداری. همه حقوق محفوظ است.`,
  },
};

export type Dictionary = typeof fa;
