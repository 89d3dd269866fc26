// Time zones and dates in the browser. Instants come from the API in UTC; they are shown in a zone with Intl, in the
// page's language (<html lang>), so that dates never come in another language than the words around them. Local dates are 'YYYY-MM-DD' strings, computed with the zone, never with the machine's.
// "Now" is the hub's, never the device's (ADR 30): the page shell carries the hub's instant as <body data-now>, and the
// device's clock only measures the time elapsed since the page loaded. A phone whose clock is wrong sees the right days.

import { LANG, t } from './i18n.js';

const served = Date.parse(document.body?.dataset.now || '');
const skew = Number.isNaN(served) ? 0 : served - Date.now();

/** The hub's current instant, in milliseconds since the epoch. */
export function now() {
  return Date.now() + skew;
}

export function detectedZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch (e) {
    return 'UTC';
  }
}

/** Every IANA zone the browser knows, plus the given ones, sorted; 'UTC' always present. */
export function allZones(...extra) {
  let zones = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch (e) {
    zones = [];
  }
  const set = new Set([...zones, ...extra.filter(Boolean), 'UTC']);
  return [...set].sort();
}

export function zoneLabel(zone) {
  return zone.replaceAll('_', ' ');
}

/** The one locale every date, time, zone name and amount on a page is written in: the page's language. */
export const LOCALE = LANG;

const formatters = new Map();

function formatter(key, options) {
  if (!formatters.has(key)) {
    formatters.set(key, new Intl.DateTimeFormat(LOCALE, options));
  }
  return formatters.get(key);
}

function zonePart(zone, timeZoneName) {
  try {
    const part = formatter(`zn|${timeZoneName}|${zone}`, { timeZone: zone, timeZoneName }).formatToParts(new Date(now()))
      .find((p) => p.type === 'timeZoneName');
    return part ? part.value : '';
  } catch (e) {
    return '';
  }
}

/** 'Central European Time' of a zone, in the page's language ('' where the browser has no such name). */
export function zoneName(zone) {
  return zonePart(zone, 'longGeneric');
}

/** 'UTC+1', 'UTC−3:30' or 'UTC' of a zone now. */
export function zoneOffset(zone) {
  const gmt = zonePart(zone, 'shortOffset');
  return gmt ? gmt.replace('GMT', 'UTC') : '';
}

/** 'January 2027' of a local date's month. */
export function formatMonth(date) {
  const [y, m] = date.split('-').map(Number);
  return formatter('month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** 'Mo'..'Su' (short weekday names, Monday first) in the page's language, with the long ones for screen readers. */
export function weekdayNames() {
  return [0, 1, 2, 3, 4, 5, 6].map((i) => {
    const day = new Date(Date.UTC(2024, 0, 1 + i));
    return {
      short: formatter('wd', { weekday: 'short', timeZone: 'UTC' }).format(day),
      long: formatter('wdl', { weekday: 'long', timeZone: 'UTC' }).format(day),
    };
  });
}

/** '9:00 AM' (or '09:00', as the visitor's locale writes times) of an instant in a zone. */
export function formatTime(iso, zone) {
  return formatter(`t|${zone}`, { hour: 'numeric', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}

/** 'Monday, 23 November 2026' of a local date. */
export function formatDay(date) {
  const [y, m, d] = date.split('-').map(Number);
  return formatter('day', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** 'Mon, 23 Nov' of a local date. */
export function formatShortDay(date) {
  const [y, m, d] = date.split('-').map(Number);
  return formatter('sday', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** 'Monday, 23 November 2026, 9:00 AM' of an instant in a zone. */
export function formatDateTime(iso, zone) {
  return formatter(`dt|${zone}`, {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone,
  }).format(new Date(iso));
}

/** The local date of an instant in a zone, 'YYYY-MM-DD'. */
export function localDate(iso, zone) {
  const parts = formatter(`ld|${zone}`, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone })
    .formatToParts(new Date(iso));
  const get = (type) => parts.find((p) => p.type === type).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The hub's current date in a zone, 'YYYY-MM-DD'. */
export function today(zone) {
  return localDate(new Date(now()).toISOString(), zone);
}

export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Monday of the ISO week of a local date. */
export function weekStart(date) {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export function minutesText(minutes) {
  if (minutes % 60 === 0) {
    return minutes === 60 ? t('duration.hour') : t('duration.hours', { count: minutes / 60 });
  }
  return t('duration.minutes', { count: minutes });
}

/** 'Mon, Nov 23, 9:00 AM' of an instant in a zone: short enough for a list of choices on a phone. */
export function formatShortDateTime(iso, zone) {
  return formatter(`sdt|${zone}`, {
    weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone: zone,
  }).format(new Date(iso));
}

/** The wall-clock time of an instant in a zone, in hours after local midnight (9:30 → 9.5). */
export function wallHours(iso, zone) {
  const parts = formatter(`wh|${zone}`, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone })
    .formatToParts(new Date(iso));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  return get('hour') + get('minute') / 60;
}
