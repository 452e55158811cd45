// The customer's 31 goals, from the "Programs" page of the PR office's current site (shared/seed/).
// Persian text is kept exactly as the customer wrote it, Arabic ي/ك included: search must cope with it.
import { GoalCategory } from '../modules/goals/goal.enums';

export const CUSTOMER_GOALS: ReadonlyArray<{ titleFa: string; titleEn: string; category: GoalCategory }> = [
  {
    titleFa: 'شناساندن اهداف،سیاست های و کارکردهای شهرداری به شهروندان',
    titleEn: "Make the municipality's goals, policies and functions known to citizens",
    category: GoalCategory.AWARENESS,
  },
  {
    titleFa: 'ایجاد حفظ و تقویت حسن شهرت، اعتبار و حیثیت برای شهرداری',
    titleEn: "Build, keep and strengthen the municipality's good reputation and credibility",
    category: GoalCategory.REPUTATION,
  },
  {
    titleFa: 'ایجاد و تقویت رضایتمندی در شهروندان و سنجش مستمر آن',
    titleEn: 'Build and strengthen citizen satisfaction, and measure it continuously',
    category: GoalCategory.PUBLIC_OPINION,
  },
  {
    titleFa: 'ایجاد و تقویت تفاهم بین کارکنان و مدیران',
    titleEn: 'Build understanding between employees and managers',
    category: GoalCategory.INTERNAL_COMMUNICATION,
  },
  {
    titleFa: 'ایفای نقش ارتباطی بین مردم و شهرداری',
    titleEn: 'Be the communication link between the people and the municipality',
    category: GoalCategory.CITIZEN_PARTICIPATION,
  },
  {
    titleFa: 'زمینه سازی برای حضور شهردار در تجمعات مردمی،علمی و....',
    titleEn: "Prepare the mayor's presence at public and academic gatherings",
    category: GoalCategory.EVENTS_AND_OCCASIONS,
  },
  {
    titleFa:
      'نظر سنجی مستمر و گردآوری دیدگاههای مختلف شهروندان درباره شئون مختلف شهرداری و بهره گیری مطلوب از اطلاعات حاصله در جهت بهبود شرایط و عملکرد شهرداری',
    titleEn: 'Poll citizens continuously on every aspect of the municipality and use the results to improve its work',
    category: GoalCategory.PUBLIC_OPINION,
  },
  {
    titleFa: 'ایفای نقش سخنگویی برای شهرداری وارتباط مستمر با اصحاب رسانه ای',
    titleEn: "Act as the municipality's spokesperson and keep in constant touch with the media",
    category: GoalCategory.MEDIA_RELATIONS,
  },
  {
    titleFa: 'اطلاع رسانی جامع درباره شئون مختلف شهرداری در غالب های گوناگون',
    titleEn: 'Inform comprehensively about the municipality, in many formats',
    category: GoalCategory.AWARENESS,
  },
  {
    titleFa: 'مشارکت و همکاری و زمینه سازی برای تصریح و تسهیل در تحقق اهداف',
    titleEn: 'Take part in and prepare the ground for reaching the goals',
    category: GoalCategory.MANAGEMENT_SUPPORT,
  },
  {
    titleFa: 'مشارکت در فرایند تصمیم گیریهای شهرداری',
    titleEn: "Take part in the municipality's decision making",
    category: GoalCategory.MANAGEMENT_SUPPORT,
  },
  {
    titleFa: 'مشارکت در فرایند برنامه ریزهای شهرداری',
    titleEn: "Take part in the municipality's planning",
    category: GoalCategory.MANAGEMENT_SUPPORT,
  },
  {
    titleFa: 'توسعه فضای مردم سالاری در شهرداری',
    titleEn: 'Widen participation (a democratic atmosphere) in the municipality',
    category: GoalCategory.CITIZEN_PARTICIPATION,
  },
  {
    titleFa: 'تقویت حس تعلق سازمانی در کارکنان شهرداری',
    titleEn: "Strengthen employees' sense of belonging",
    category: GoalCategory.INTERNAL_COMMUNICATION,
  },
  {
    titleFa: 'نهادینه کردن رویکرد پژوهش مداری در روابط عمومی بر حسب ضرورت',
    titleEn: 'Make a research-driven approach part of public relations',
    category: GoalCategory.PUBLIC_OPINION,
  },
  {
    titleFa: 'ایفای نقش مشورتی برای مدیران شهرداری در سطوح مختلف',
    titleEn: "Advise the municipality's managers at every level",
    category: GoalCategory.MANAGEMENT_SUPPORT,
  },
  {
    titleFa: 'ایفای نقش مناسب در شرایط ویژه (مشارکت در مدیریت بحران)',
    titleEn: 'Play the right part in special conditions (take part in crisis management)',
    category: GoalCategory.CRISIS_MANAGEMENT,
  },
  {
    titleFa: 'مدیریت رویدادها و توجه و ایفای نقش موثر در مناسبتهای ملی و مذهبی',
    titleEn: 'Manage events and play an effective part in national and religious occasions',
    category: GoalCategory.EVENTS_AND_OCCASIONS,
  },
  {
    titleFa: 'آگاهی مستمر محیطی و اشراف بر تحولات برون سازمانی و شناسایی و پیگیری مسائل مختلف شهری',
    titleEn: 'Keep constant watch on the environment and on changes outside the organisation; find and follow up city issues',
    category: GoalCategory.MANAGEMENT_SUPPORT,
  },
  {
    titleFa: 'افکار سنجی مستمر درباره جایگاه، اهداف و عملکرد شهرداری و بررسی نوع نگرش شهروندان نسبت به شهرداری',
    titleEn: "Measure opinion continuously on the municipality's standing, goals and performance, and citizens' attitudes to it",
    category: GoalCategory.PUBLIC_OPINION,
  },
  {
    titleFa: 'امكان برقراري ارتباطات صحيح اصولي بر اساس تفاهم،تعامل و مشاركت بامخاطبان درون و برون سازماني',
    titleEn: 'Communicate soundly, through understanding, interaction and participation, with audiences inside and outside',
    category: GoalCategory.CITIZEN_PARTICIPATION,
  },
  {
    titleFa: 'استفاده از فنون و روش هاي جديد در عرصه ارتباطات و اطلاع رساني و استفاده از ابزار و ساز و كارهاي جديدو تكنولوژي و فناوري روز',
    titleEn: 'Use new communication and information techniques and current technology',
    category: GoalCategory.AWARENESS,
  },
  {
    titleFa: 'ارتباط با رسانه هاي ارتباط جمعي ،خبرگزاريها.صداو سيما ،جرايد كثير الانتشاروسايت ها',
    titleEn: 'Keep relations with mass media, news agencies, radio and television, major newspapers and websites',
    category: GoalCategory.MEDIA_RELATIONS,
  },
  {
    titleFa: 'امكان اطلاع رساني و ارتقاءبخشي آگاهي مخاطبان و رفع نياز هاي اطلاعاتي آنان',
    titleEn: 'Inform audiences, raise their awareness and meet their information needs',
    category: GoalCategory.AWARENESS,
  },
  {
    titleFa: 'پاسخگوئي،شفاف سازي و تنوير افكار عمومي',
    titleEn: 'Be answerable and transparent, and enlighten public opinion',
    category: GoalCategory.REPUTATION,
  },
  {
    titleFa: 'تسهيل ،تسريع وتصريح بخشي در سطح سازمان و بيرون از سازمان',
    titleEn: 'Make things easier, faster and clearer inside and outside the organisation',
    category: GoalCategory.MANAGEMENT_SUPPORT,
  },
  {
    titleFa: 'فرهنگ سازي و تعميم مباحث و مسائل فرهنگي',
    titleEn: 'Build culture and spread cultural topics',
    category: GoalCategory.CULTURE,
  },
  {
    titleFa: 'مديريت در بحران ،زمان ،بهبود كيفيت و كميت ،بهره وري و سيستم هاي نظارتي·',
    titleEn: 'Manage crises and time; improve quality, quantity and productivity; run monitoring systems',
    category: GoalCategory.CRISIS_MANAGEMENT,
  },
  {
    titleFa: 'امكان سنجش افكار عمومي و اطلاع از خواسته ،انتظارات و ديدگاههاي مخاطبان درجهت تحقق امر شهروندان',
    titleEn: 'Measure public opinion and learn the wishes, expectations and views of audiences',
    category: GoalCategory.PUBLIC_OPINION,
  },
  {
    titleFa: 'انعکاس فعالیت ها و خدمات مجموعه سازمان به شهروندان',
    titleEn: "Show citizens the organisation's activities and services",
    category: GoalCategory.AWARENESS,
  },
  {
    titleFa: 'بزرگداشت مناسبتهای ملی و مذهبی',
    titleEn: 'Commemorate national and religious occasions',
    category: GoalCategory.EVENTS_AND_OCCASIONS,
  },
];
