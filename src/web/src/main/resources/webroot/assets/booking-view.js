// What the confirmation and manage pages show about one booking, read through its manage link.

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
    throw e instanceof ApiError && e.status === 404 ? new Error('No booking belongs to this link.') : e;
  }
  let offer = null;
  try {
    offer = await api('GET', `/api/v1/public/booking-types/${enc(booking.bookingTypeId)}`);
  } catch (e) {
    offer = null;
  }
  return { booking, offer };
}

export const STATUS_TEXT = {
  CONFIRMED: 'Confirmed',
  HELD: 'Held',
  CANCELLED: 'Cancelled',
  EXPIRED: 'Expired',
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
  return (booking.resourceIds || [booking.resourceId]).map((id) => names.get(id) || id).join(' and ');
}

export function details(booking, offer, id = 'booking-details') {
  const rows = [];
  const row = (term, value, valueId) => rows.push(h('dt', { text: term }), h('dd', { id: valueId }, value));
  row('What', offer ? offer.name : booking.bookingTypeId, 'detail-what');
  if (offer) {
    row('With', offer.provider.displayName, 'detail-with');
    row('Where', whereText(booking, offer), 'detail-where');
    if (offer.location) {
      row(locationLabel(offer.location), locationNode(offer.location, 'detail-location-link'), 'detail-location');
    }
  }
  row('When', h('time', { datetime: booking.start, text: whenText(booking) }), 'detail-when');
  row('Time zone', zoneLabel(booking.timeZone), 'detail-zone');
  row('Name', booking.customerName, 'detail-name');
  row('E-mail', booking.customerEmail, 'detail-email');
  (booking.answers || []).forEach((a, i) => row(a.question, a.answer, `detail-answer-${i}`));
  row('Status', h('span', { class: `status status-${booking.status}`, text: STATUS_TEXT[booking.status] || booking.status }),
    'detail-status');
  return h('dl', { class: 'details', id }, rows);
}

export function isActive(booking) {
  return booking.status === 'CONFIRMED' || booking.status === 'HELD';
}

export function bookAgainHref(offer) {
  return offer ? `/book/${enc(offer.provider.handle)}/${enc(offer.id)}` : null;
}
