import { getDictionary } from "@/lib/i18n/dictionaries";
import { DayField } from "@/components/staff/day-field";
import type { Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/routing";
import { eventsText } from "@/lib/staff/events-text";
import { staffText } from "@/lib/staff/i18n";

export const EVENT_KINDS = ["PRESS_CONFERENCE", "MAYOR_APPEARANCE", "CULTURAL_EVENT", "CRISIS_NOTICE", "OTHER", "NATIONAL_OCCASION", "RELIGIOUS_OCCASION"] as const;

export interface EventValues {
  kind: string;
  titleFa: string;
  titleEn: string;
  descriptionFa: string;
  descriptionEn: string;
  venueFa: string;
  venueEn: string;
  startDay: string;
  startTime: string;
  endDay: string;
  endTime: string;
  districtId: string;
  pollId: string;
  goalId: string;
}

export interface EventChoices {
  districts: { id: string; name: string }[];
  polls: { id: string; title: string }[];
  goals: { id: string; title: string }[];
}

export function eventFieldLabels(locale: Locale): Record<string, string> {
  const t = eventsText[locale];
  return { kind: t.kind, titleFa: t.titleFa, titleEn: t.titleEn, startsAt: t.starts, endsAt: t.ends, districtId: t.district, pollId: t.poll, goalId: t.goal, venueFa: t.venueFa };
}

export function EventNav({ locale, current }: { locale: Locale; current: "events" | "occasions" }) {
  const t = eventsText[locale];
  const items = [
    ["events", "/staff/events"],
    ["occasions", "/staff/events/occasions"],
  ] as const;
  return (
    <nav aria-label={t.navLabel} className="staff-actions">
      {items.map(([key, path]) => (
        <a key={key} href={localePath(locale, path)} aria-current={key === current ? "page" : undefined} className={`staff-button staff-button--small ${key === current ? "" : "staff-button--quiet"}`}>
          {t.nav[key]}
        </a>
      ))}
    </nav>
  );
}

export function EventFields({ locale, values, choices, idPrefix }: { locale: Locale; values: EventValues; choices: EventChoices; idPrefix: string }) {
  const t = eventsText[locale];
  const st = staffText[locale];
  const d = getDictionary(locale);
  const optional = <span className="staff-muted">{st.common.optional}</span>;
  const id = (n: string) => `${idPrefix}-${n}`;
  const day = (name: string, label: string, value: string) => (
    <div className="staff-field">
      <label htmlFor={id(name)}>{label}</label>
      <DayField id={id(name)} name={name} required locale={locale} label={label} defaultValue={value} aria-describedby={id("day-hint")} />
    </div>
  );
  const time = (name: string, label: string, value: string) => (
    <div className="staff-field">
      <label htmlFor={id(name)}>{label}</label>
      <input id={id(name)} name={name} required type="time" defaultValue={value} />
    </div>
  );
  return (
    <div className="staff-form">
      <div className="staff-fields">
        <div className="staff-field">
          <label htmlFor={id("kind")}>{t.kind}</label>
          <select id={id("kind")} name="kind" defaultValue={values.kind}>
            {EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {d.eventKinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="staff-field">
          <label htmlFor={id("titleFa")}>{t.titleFa}</label>
          <input id={id("titleFa")} name="titleFa" required maxLength={300} defaultValue={values.titleFa} />
        </div>
        <div className="staff-field">
          <label htmlFor={id("titleEn")}>
            {t.titleEn} {optional}
          </label>
          <input id={id("titleEn")} name="titleEn" maxLength={300} defaultValue={values.titleEn} dir="ltr" lang="en" />
        </div>
        {day("startDay", `${t.starts} — ${st.common.day}`, values.startDay)}
        {time("startTime", `${t.starts} — ${st.common.time}`, values.startTime)}
        {day("endDay", `${t.ends} — ${st.common.day}`, values.endDay)}
        {time("endTime", `${t.ends} — ${st.common.time}`, values.endTime)}
        <div className="staff-field">
          <label htmlFor={id("venueFa")}>
            {t.venueFa} {optional}
          </label>
          <input id={id("venueFa")} name="venueFa" maxLength={300} defaultValue={values.venueFa} />
        </div>
        <div className="staff-field">
          <label htmlFor={id("venueEn")}>
            {t.venueEn} {optional}
          </label>
          <input id={id("venueEn")} name="venueEn" maxLength={300} defaultValue={values.venueEn} dir="ltr" lang="en" />
        </div>
        <div className="staff-field">
          <label htmlFor={id("districtId")}>{t.district}</label>
          <select id={id("districtId")} name="districtId" defaultValue={values.districtId}>
            <option value="">{t.citywide}</option>
            {choices.districts.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="staff-field">
          <label htmlFor={id("pollId")}>{t.poll}</label>
          <select id={id("pollId")} name="pollId" defaultValue={values.pollId}>
            <option value="">{t.none}</option>
            {choices.polls.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </div>
        <div className="staff-field">
          <label htmlFor={id("goalId")}>{t.goal}</label>
          <select id={id("goalId")} name="goalId" defaultValue={values.goalId}>
            <option value="">{t.none}</option>
            {choices.goals.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title}
              </option>
            ))}
          </select>
        </div>
        <div className="staff-field staff-field--wide">
          <label htmlFor={id("descriptionFa")}>
            {t.descriptionFa} {optional}
          </label>
          <textarea id={id("descriptionFa")} name="descriptionFa" maxLength={10000} defaultValue={values.descriptionFa} />
        </div>
        <div className="staff-field staff-field--wide">
          <label htmlFor={id("descriptionEn")}>
            {t.descriptionEn} {optional}
          </label>
          <textarea id={id("descriptionEn")} name="descriptionEn" maxLength={10000} defaultValue={values.descriptionEn} dir="ltr" lang="en" />
        </div>
      </div>
      <p className="staff-field__hint" id={id("day-hint")}>
        {st.common.dayHint}؛ {st.common.timeHint}
      </p>
    </div>
  );
}
