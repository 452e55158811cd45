'use client';

import { toGregorian, toJalaali } from 'jalaali-js';
import { useEffect, useId, useRef, useState } from 'react';
import { DayPicker, enUS, faIR } from 'react-day-picker/persian';
import 'react-day-picker/style.css';
import { localDigits } from '@/lib/format';
import type { Locale } from '@/lib/i18n/locales';

// A Solar Hijri day field: a plain text input (typed "۱۴۰۵/۰۹/۱۴", Persian or Latin digits; it is
// what the form sends, so it works without JavaScript) with a button that opens a month calendar
// (react-day-picker's Persian calendar). The calendar works from the keyboard: arrow keys move by
// day and week, Page Up/Down by month, Enter picks, Escape closes; focus returns to the field.

const CITY_TIME_ZONE = 'Asia/Tehran';
const pad = (n: number) => String(n).padStart(2, '0');
const toLatinDigits = (text: string) => text.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)));

/** A browser-local Date for a Gregorian day (the picker works in local days). */
const localDay = (gy: number, gm: number, gd: number) => new Date(gy, gm - 1, gd, 12);

/** The city's today, as a local Date for the picker. */
function cityToday(): Date {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: CITY_TIME_ZONE }).format(new Date()).split('-').map(Number);
  return localDay(y, m, d);
}

/** "1405/09/14" (any digits, / - or .) → a local Date; null when it is not a Solar Hijri day. */
function parse(text: string): Date | null {
  const match = /^\s*(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*$/.exec(toLatinDigits(text));
  if (!match) return null;
  const [jy, jm, jd] = match.slice(1).map(Number);
  if (jm < 1 || jm > 12 || jd < 1 || jd > 31) return null;
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return localDay(gy, gm, gd);
}

function format(date: Date, locale: Locale): string {
  const { jy, jm, jd } = toJalaali(date.getFullYear(), date.getMonth() + 1, date.getDate());
  const text = `${jy}/${pad(jm)}/${pad(jd)}`;
  return localDigits(text, locale);
}

const text = {
  // The placeholder says it is an example: a bare date in an empty filter read as a filter set to today.
  fa: { choose: (label: string) => `انتخاب تاریخ از تقویم: ${label}`, close: 'بستن تقویم', example: (day: string) => `مثلاً ${day}` },
  en: {
    choose: (label: string) => `Pick the date from a calendar: ${label}`,
    close: 'Close the calendar',
    example: (day: string) => `e.g. ${day}`,
  },
} satisfies Record<Locale, unknown>;

interface DayFieldProps {
  id: string;
  name: string;
  locale: Locale;
  /** What the field is, for the calendar button's name (the field's own label stays the page's). */
  label: string;
  defaultValue?: string;
  required?: boolean;
  'aria-describedby'?: string;
}

export function DayField({ id, name, locale, label, defaultValue = '', required, ...rest }: DayFieldProps) {
  const t = text[locale];
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const popover = useRef<HTMLDivElement>(null);
  const dialogId = useId();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<Date | undefined>(undefined);
  const [today, setToday] = useState<Date | null>(null);
  // Today's date as the example: computed in the browser so that it is never a stale one.
  useEffect(() => setToday(cityToday()), []);

  function show() {
    setSelected(parse(input.current?.value ?? '') ?? undefined);
    setOpen(true);
  }

  function close(focus: 'field' | 'button') {
    setOpen(false);
    (focus === 'field' ? input : button).current?.focus();
  }

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!popover.current?.contains(event.target as Node) && event.target !== button.current) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  return (
    <span className="staff-day">
      <span className="staff-day__row">
        <input
          ref={input}
          id={id}
          name={name}
          required={required}
          defaultValue={defaultValue}
          inputMode="numeric"
          dir="ltr"
          autoComplete="off"
          placeholder={today ? t.example(format(today, locale)) : undefined}
          aria-describedby={rest['aria-describedby']}
        />
        <button
          ref={button}
          type="button"
          className="staff-button staff-button--quiet staff-button--small staff-day__toggle"
          aria-label={t.choose(label)}
          aria-expanded={open}
          aria-controls={open ? dialogId : undefined}
          onClick={() => (open ? setOpen(false) : show())}
        >
          <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
            <rect x="3" y="5" width="18" height="16" rx="2" />
            <path d="M3 10h18M8 3v4M16 3v4" />
          </svg>
        </button>
      </span>
      {open && (
        <div
          ref={popover}
          id={dialogId}
          role="dialog"
          aria-label={t.choose(label)}
          className="staff-day__popover"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              close('button');
            }
          }}
        >
          <DayPicker
            mode="single"
            locale={locale === 'fa' ? faIR : enUS}
            dir={locale === 'fa' ? 'rtl' : 'ltr'}
            numerals={locale === 'fa' ? 'arabext' : 'latn'}
            weekStartsOn={6}
            today={today ?? undefined}
            defaultMonth={selected ?? today ?? undefined}
            selected={selected}
            autoFocus
            onSelect={(day) => {
              if (!day || !input.current) return;
              input.current.value = format(day, locale);
              close('field');
            }}
          />
          <button type="button" className="staff-button staff-button--quiet staff-button--small" onClick={() => close('button')}>
            {t.close}
          </button>
        </div>
      )}
    </span>
  );
}
