// The manage page, /manage/{manageToken}: see the booking, cancel it (after seeing exactly what is cancelled and what
// is refunded), or move it to another free time.

import { api, ApiError, enc } from './api.js';
import { h, clear, errorBox, focusHeading } from './dom.js';
import {
  formatDateTime, formatShortDateTime, localDate, now, zoneLabel,
} from './time.js';
import { SlotPicker } from './slot-picker.js';
import { loadPayment, refundSentence } from './payment-view.js';
import {
  bookAgainHref, details, isActive, loadBooking, manageToken, whenText,
} from './booking-view.js';

const app = document.getElementById('app');
const title = document.getElementById('page-title');
const token = manageToken();

let booking = null;
let offer = null;

const messages = h('div', { id: 'messages' });
const detailBox = h('div', { id: 'details-box' });
const actions = h('div', { class: 'actions', id: 'manage-actions' });
const panel = h('div', { id: 'panel' });

async function show() {
  try {
    ({ booking, offer } = await loadBooking(token));
    clear(app, messages, detailBox, actions, panel);
    render();
  } catch (e) {
    title.textContent = 'Your booking could not be shown';
    clear(app, errorBox(e, 'We could not load this booking'),
      h('p', { text: 'Check that you opened the whole link from your confirmation.' }));
  }
}

function render() {
  clear(detailBox, details(booking, offer));
  clear(panel);
  const past = new Date(booking.start).getTime() <= now();
  if (isActive(booking) && !past) {
    clear(actions,
      h('button', { type: 'button', id: 'reschedule-button', class: 'secondary', onclick: openReschedule }, 'Change time'),
      h('button', { type: 'button', id: 'cancel-button', class: 'danger', onclick: openCancel }, 'Cancel booking'),
      h('a', { class: 'button secondary', href: `/api/v1/public/bookings/${enc(token)}/ics`, download: 'booking.ics' },
        'Add to calendar (.ics)'));
  } else {
    const again = bookAgainHref(offer);
    clear(actions, again ? h('a', { class: 'button', id: 'book-again', href: again }, 'Book another time') : null);
  }
}

let refund = 'No payment was taken for this booking, so there is nothing to refund.';

function refundText() {
  return refund;
}

async function openCancel() {
  clear(messages);
  try {
    refund = refundSentence(await loadPayment(token));
  } catch (e) {
    clear(messages, errorBox(e, 'The refund could not be worked out'));
    return;
  }
  const heading = h('h2', { id: 'cancel-heading', text: 'Cancel this booking?' });
  clear(panel, h('section', { class: 'card', 'aria-labelledby': 'cancel-heading', id: 'cancel-panel' },
    heading,
    h('p', { text: 'You are cancelling:' }),
    h('p', { id: 'cancel-what' }, h('strong', { text: `${offer ? offer.name : 'Booking'}` }),
      offer ? ` with ${offer.provider.displayName}` : '', h('br'), whenText(booking), ` (${zoneLabel(booking.timeZone)})`),
    h('p', { id: 'refund-preview' }, h('strong', { text: 'Refund: ' }), refundText()),
    h('p', { text: 'The time becomes free for others straight away. This cannot be undone.' }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', id: 'confirm-cancel', onclick: confirmCancel }, 'Yes, cancel booking'),
      h('button', { type: 'button', class: 'secondary', onclick: closePanel }, 'Keep my booking'))));
  focusHeading(heading);
}

async function confirmCancel(event) {
  event.target.disabled = true;
  try {
    ({ booking } = await api('POST', `/api/v1/public/bookings/${enc(token)}/cancel`));
    render();
    const heading = h('h2', { id: 'cancelled-heading', text: 'Your booking is cancelled' });
    clear(messages, h('div', { class: 'alert alert-ok', role: 'status' }, heading,
      h('p', { text: refundText() })));
    focusHeading(heading);
  } catch (e) {
    event.target.disabled = false;
    clear(messages, errorBox(e, 'The booking could not be cancelled'));
  }
}

function closePanel() {
  clear(panel);
  document.getElementById('cancel-button')?.focus();
}

function openReschedule() {
  clear(messages);
  const heading = h('h2', { id: 'reschedule-heading', text: 'Choose a new time' });
  const pickerBox = h('div', { id: 'reschedule-picker' });
  const confirm = h('div', { id: 'reschedule-confirm' });
  const conflict = h('div', { id: 'reschedule-conflict' });
  clear(panel, h('section', { class: 'card', 'aria-labelledby': 'reschedule-heading' },
    heading, conflict, pickerBox, confirm,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: closePanel }, 'Keep the current time'))));
  const picker = new SlotPicker({
    container: pickerBox,
    typeId: booking.bookingTypeId,
    zone: booking.timeZone,
    fallbackZone: offer ? offer.resource.timeZone : 'UTC',
    durations: [Math.round((new Date(booking.end) - new Date(booking.start)) / 60000)],
    horizonDays: offer ? offer.horizonDays : 365,
    idPrefix: 'reschedule',
    onSelect: (slot, zone) => {
      if (!slot) {
        clear(confirm);
        return;
      }
      clear(confirm, h('p', { text: `Move your booking to ${formatDateTime(slot.start, zone)} (${zoneLabel(zone)})?` }),
        h('button', {
          type: 'button', id: 'confirm-reschedule', onclick: (e) => move(e, slot, zone, picker, conflict),
        }, 'Move my booking'));
    },
  });
  picker.start(localDate(booking.start, booking.timeZone));
  focusHeading(heading);
}

async function move(event, slot, zone, picker, conflict) {
  event.target.disabled = true;
  try {
    ({ booking } = await api('POST', `/api/v1/public/bookings/${enc(token)}/reschedule`, { start: slot.start }));
    render();
    const heading = h('h2', { id: 'moved-heading', text: 'Your booking was moved' });
    clear(messages, h('div', { class: 'alert alert-ok', role: 'status' }, heading,
      h('p', { text: `New time: ${whenText(booking)} (${zoneLabel(booking.timeZone)}).` })));
    focusHeading(heading);
  } catch (e) {
    event.target.disabled = false;
    if (e instanceof ApiError && e.status === 409) {
      const heading = h('h3', { text: 'Sorry, this time was just taken' });
      clear(conflict, h('div', { class: 'alert alert-warn', role: 'alert' }, heading,
        e.alternatives.length > 0
          ? [h('p', { text: 'These nearby times are free:' }),
            h('ul', { class: 'alternatives' }, e.alternatives.map((alt) => h('li', {},
              h('button', {
                type: 'button', class: 'secondary', 'data-start': alt.start,
                onclick: () => { clear(conflict); picker.choose(alt.start); },
              }, h('time', { datetime: alt.start, text: formatShortDateTime(alt.start, zone) })))))]
          : h('p', { text: 'Please choose another time.' })));
      focusHeading(heading);
      picker.refreshDay();
    } else {
      clear(conflict, errorBox(e, 'The booking could not be moved'));
    }
  }
}

show();
