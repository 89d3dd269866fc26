// What the confirmation and manage pages show about one booking, read through its manage link.

import { LANG, t } from './i18n.js';
import { api, ApiError, enc } from './api.js';
import { h } from './dom.js';
import { formatDateTime, formatTime, zoneLabel } from './time.js';
import { locationLabel, locationNode } from './type-location.js';

export function manageToken() {
  const parts = window.location.pathname.split('/').filter(Boolean);
  return decodeURIComponent(parts[1] || '');
}

/** The booking and its offer (type, provider, resource). The offer may be gone; the booking still shows. */
export async function loadBooking(token) {
  let booking;
  try {
    ({ booking } = await api('GET', `/api/v1/public/bookings/${enc(token)}`));
  } catch (e) {
    // The API's detail names the manage token; a customer only needs to know the link leads nowhere.
    throw e instanceof ApiError && e.status === 404 ? new Error(t('booking.notFound')) : e;
  }
  let offer = null;
  try {
    offer = await api('GET', `/api/v1/public/booking-types/${enc(booking.bookingTypeId)}?lang=${enc(LANG)}`);
  } catch (e) {
    offer = null;
  }
  return { booking, offer };
}

export const STATUS_TEXT = {
  CONFIRMED: t('status.CONFIRMED'),
  HELD: t('status.HELD'),
  CANCELLED: t('status.CANCELLED'),
  EXPIRED: t('status.EXPIRED'),
};

export function whenText(booking, zone = booking.timeZone) {
  return `${formatDateTime(booking.start, zone)} – ${formatTime(booking.end, zone)}`;
}

/** The resource booked: for a pooled type the member(s) the booking got, by name (ADR 43). */
function whereText(booking, offer) {
  if (!offer.pool) {
    return offer.resource.name;
  }
  const names = new Map(offer.pool.members.map((m) => [m.id, m.name]));
  return (booking.resourceIds || [booking.resourceId]).map((id) => names.get(id) || id).join(` ${t('booking.and')} `);
}

export function details(booking, offer, id = 'booking-details') {
  const rows = [];
  const row = (term, value, valueId) => rows.push(h('dt', { text: term }), h('dd', { id: valueId }, value));
  row(t('booking.what'), offer ? offer.name : booking.bookingTypeId, 'detail-what');
  if (offer) {
    row(t('booking.with'), offer.provider.displayName, 'detail-with');
    row(t('booking.where'), whereText(booking, offer), 'detail-where');
    if (offer.location) {
      row(locationLabel(offer.location), locationNode(offer.location, 'detail-location-link'), 'detail-location');
    }
  }
  row(t('booking.when'), h('time', { datetime: booking.start, text: whenText(booking) }), 'detail-when');
  row(t('booking.zone'), zoneLabel(booking.timeZone), 'detail-zone');
  row(t('booking.name'), booking.customerName, 'detail-name');
  row(t('booking.email'), booking.customerEmail, 'detail-email');
  (booking.answers || []).forEach((a, i) => row(a.question, a.answer, `detail-answer-${i}`));
  row(t('booking.status'), h('span', { class: `status status-${booking.status}`, text: STATUS_TEXT[booking.status] || booking.status }),
    'detail-status');
  return h('dl', { class: 'details', id }, rows);
}

export function isActive(booking) {
  return booking.status === 'CONFIRMED' || booking.status === 'HELD';
}

export function bookAgainHref(offer) {
  return offer ? `/book/${enc(offer.provider.handle)}/${enc(offer.id)}` : null;
}
