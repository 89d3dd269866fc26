// "Add to Google Calendar" and "Add to Outlook" links for a booking: each opens the service's own new-event form,
// filled in, so the customer saves it with one click. Nothing is sent anywhere until they do; the .ics link stays
// for every other calendar. The event's words are in the page's language.

import { t } from './i18n.js';

const GOOGLE = 'https://calendar.google.com/calendar/render';
const OUTLOOK = 'https://outlook.live.com/calendar/0/deeplink/compose';

/** 2027-01-05T09:00:00Z → 20270105T090000Z, Google's form for UTC times. */
function googleTime(iso) {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function title(booking, offer) {
  return offer ? t('cal.title', { typeName: offer.name, providerName: offer.provider.displayName }) : t('cal.booking');
}

function description(offer, manageUrl) {
  const video = offer && offer.location && offer.location.kind === 'VIDEO'
    ? `${t('location.VIDEO')}: ${offer.location.value}\n` : '';
  return video + t('cal.change', { link: manageUrl });
}

/** The type's own location (address, phone, video link; ADR 49), else the resource's name. */
function where(offer) {
  if (!offer) {
    return '';
  }
  return offer.location ? offer.location.value : offer.resource.name;
}

/** The link that opens Google Calendar's event form with this booking filled in. */
export function googleCalendarHref(booking, offer, manageUrl) {
  const params = new URLSearchParams({
    action: 'TEMPLATE',
    text: title(booking, offer),
    dates: `${googleTime(booking.start)}/${googleTime(booking.end)}`,
    details: description(offer, manageUrl),
    location: where(offer),
    ctz: booking.timeZone,
  });
  return `${GOOGLE}?${params}`;
}

/** The link that opens Outlook on the web's event form with this booking filled in. */
export function outlookHref(booking, offer, manageUrl) {
  const params = new URLSearchParams({
    path: '/calendar/action/compose',
    rru: 'addevent',
    subject: title(booking, offer),
    startdt: new Date(booking.start).toISOString(),
    enddt: new Date(booking.end).toISOString(),
    body: description(offer, manageUrl),
    location: where(offer),
  });
  return `${OUTLOOK}?${params}`;
}
