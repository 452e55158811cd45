/** The e-mails' text: Persian, right to left, as HTML with a plain-text part saying the same. */

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 1em">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');

/** A date and time in Persian (the Solar Hijri calendar, Persian digits) in the city's time zone. */
export function persianDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'full', timeStyle: 'short', timeZone }).format(at);
}

function layout(title: string, inner: string, unsubscribeUrl: string): string {
  return `<!doctype html>
<html dir="rtl" lang="fa">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body dir="rtl" style="font-family:Tahoma,'Vazirmatn',sans-serif;line-height:1.8;color:#222;background:#fff;margin:0;padding:16px;text-align:right">
<div style="max-width:640px;margin:0 auto">
${inner}
<hr style="border:none;border-top:1px solid #ddd;margin:2em 0 1em">
<p style="font-size:12px;color:#666">این پیام را روابط عمومی شهرداری برای شما فرستاده است، چون در فهرست خبرنگاران هستید. <a href="${escapeHtml(unsubscribeUrl)}">لغو اشتراک</a></p>
</div>
</body>
</html>`;
}

export function pressReleaseMail(r: {
  title: string;
  summary: string | null;
  body: string;
  newsUrl: string;
  embargo: string | null;
  unsubscribeUrl: string;
}): RenderedMail {
  const embargoLine = r.embargo ? `انتشار تا ${r.embargo} ممنوع است (embargo)` : null;
  const html = layout(
    r.title,
    [
      embargoLine
        ? `<p style="background:#fff3cd;border:1px solid #e0c060;padding:8px;font-weight:bold">${escapeHtml(embargoLine)}</p>`
        : '',
      `<h1 style="font-size:22px;margin:0 0 .5em">${escapeHtml(r.title)}</h1>`,
      r.summary ? `<p style="font-weight:bold;margin:0 0 1em">${escapeHtml(r.summary)}</p>` : '',
      paragraphs(r.body),
      `<p><a href="${escapeHtml(r.newsUrl)}">متن کامل در وبگاه</a></p>`,
    ]
      .filter(Boolean)
      .join('\n'),
    r.unsubscribeUrl,
  );
  const text = [embargoLine, r.title, r.summary, r.body.trim(), `متن کامل در وبگاه: ${r.newsUrl}`, '--', `لغو اشتراک: ${r.unsubscribeUrl}`]
    .filter(Boolean)
    .join('\n\n');
  return { subject: embargoLine ? `[embargo] ${r.title}` : r.title, text, html };
}

export function invitationMail(r: {
  eventTitle: string;
  when: string;
  place: string | null;
  note: string | null;
  yesUrl: string;
  noUrl: string;
  unsubscribeUrl: string;
}): RenderedMail {
  const subject = `دعوت: ${r.eventTitle}`;
  const button = (href: string, label: string, color: string) =>
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:8px 16px;margin-left:8px;background:${color};color:#fff;text-decoration:none;border-radius:4px">${label}</a>`;
  const html = layout(
    subject,
    [
      `<h1 style="font-size:22px;margin:0 0 .5em">${escapeHtml(subject)}</h1>`,
      `<p>زمان: ${escapeHtml(r.when)}</p>`,
      r.place ? `<p>مکان: ${escapeHtml(r.place)}</p>` : '',
      r.note ? paragraphs(r.note) : '',
      `<p>${button(r.yesUrl, 'می‌آیم', '#1a7f37')}${button(r.noUrl, 'نمی‌آیم', '#b42318')}</p>`,
    ]
      .filter(Boolean)
      .join('\n'),
    r.unsubscribeUrl,
  );
  const text = [
    subject,
    `زمان: ${r.when}`,
    r.place ? `مکان: ${r.place}` : null,
    r.note,
    `می‌آیم: ${r.yesUrl}`,
    `نمی‌آیم: ${r.noUrl}`,
    '--',
    `لغو اشتراک: ${r.unsubscribeUrl}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  return { subject, text, html };
}

/** A small Persian page for the link's answer (unsubscribe, RSVP). */
export function confirmationPage(title: string, message: string, button?: { label: string; action: string }): string {
  // A form that posts back to the link itself: opening the link changes nothing, so a mail
  // scanner that follows every link in a message neither unsubscribes nor answers an invitation.
  const form = button
    ? `<form method="post" action="${escapeHtml(button.action)}"><button type="submit" style="font:inherit;font-size:18px;padding:.5em 1.5em;min-height:44px">${escapeHtml(button.label)}</button></form>`
    : '';
  return `<!doctype html><html dir="rtl" lang="fa"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body style="font-family:Tahoma,sans-serif;max-width:480px;margin:3em auto;padding:0 1em;line-height:1.8"><h1 style="font-size:20px">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${form}</body></html>`;
}
