// The manage page, /manage/{manageToken}: see the booking, cancel it (after seeing exactly what is cancelled and what
// is refunded), or move it to another free time.

import { t } from './i18n.js';
import { api, ApiError, enc } from './api.js';
import {
  h, clear, errorBox, field, focusHeading,
} from './dom.js';
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
    title.textContent = t('booked.failed');
    clear(app, errorBox(e, t('booked.failed.heading')),
      h('p', { text: t('booked.failed.hint') }));
  }
}

function render() {
  clear(detailBox, details(booking, offer));
  clear(panel);
  const past = new Date(booking.start).getTime() <= now();
  if (isActive(booking) && !past) {
    clear(actions,
      h('button', { type: 'button', id: 'reschedule-button', class: 'secondary', onclick: openReschedule }, t('manage.change')),
      h('button', { type: 'button', id: 'cancel-button', class: 'danger', onclick: openCancel }, t('manage.cancel')),
      h('a', { class: 'button secondary', href: `/api/v1/public/bookings/${enc(token)}/ics`, download: 'booking.ics' },
        t('booked.ics')));
  } else {
    const again = bookAgainHref(offer);
    clear(actions, again ? h('a', { class: 'button', id: 'book-again', href: again }, t('booked.again')) : null);
  }
}

let refund = t('pay.none');
let reason = null;

/** The longest cancellation reason the API takes (ADR 68). */
const MAX_REASON = 500;

function refundText() {
  return refund;
}

function reasonField() {
  reason = field({
    id: 'cancel-reason', label: t('manage.reason'), kind: 'textarea',
    hint: t('manage.reason.hint', { provider: offer ? offer.provider.displayName : t('manage.provider') }),
    attrs: { maxlength: String(MAX_REASON), rows: '3' },
  });
  return reason;
}

async function openCancel() {
  clear(messages);
  try {
    refund = refundSentence(await loadPayment(token));
  } catch (e) {
    clear(messages, errorBox(e, t('manage.refundFailed')));
    return;
  }
  const heading = h('h2', { id: 'cancel-heading', text: t('manage.cancel.heading') });
  clear(panel, h('section', { class: 'card', 'aria-labelledby': 'cancel-heading', id: 'cancel-panel' },
    heading,
    h('p', { text: t('manage.cancel.what') }),
    h('p', { id: 'cancel-what' }, h('strong', { text: `${offer ? offer.name : t('manage.booking')}` }),
      offer ? ` ${t('manage.with', { provider: offer.provider.displayName })}` : '', h('br'), whenText(booking), ` (${zoneLabel(booking.timeZone)})`),
    h('p', { id: 'refund-preview' }, h('strong', { text: `${t('manage.refund')} ` }), refundText()),
    offer && offer.payment !== 'NONE' && offer.cancellationPolicyText ? h('p', { id: 'policy-text' },
      h('strong', { text: `${t('manage.policy')} ` }), offer.cancellationPolicyText) : null,
    reasonField().wrapper,
    h('p', { text: t('manage.cancel.final') }),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', id: 'confirm-cancel', onclick: confirmCancel }, t('manage.cancel.yes')),
      h('button', { type: 'button', class: 'secondary', onclick: closePanel }, t('manage.cancel.keep')))));
  focusHeading(heading);
}

async function confirmCancel(event) {
  event.target.disabled = true;
  try {
    const text = reason ? reason.control.value.trim() : '';
    ({ booking } = await api('POST', `/api/v1/public/bookings/${enc(token)}/cancel`, text ? { reason: text } : undefined));
    render();
    const heading = h('h2', { id: 'cancelled-heading', text: t('manage.cancelled') });
    clear(messages, h('div', { class: 'alert alert-ok', role: 'status' }, heading,
      h('p', { text: refundText() })));
    focusHeading(heading);
  } catch (e) {
    event.target.disabled = false;
    clear(messages, errorBox(e, t('manage.cancelFailed')));
  }
}

function closePanel() {
  clear(panel);
  document.getElementById('cancel-button')?.focus();
}

function openReschedule() {
  clear(messages);
  const heading = h('h2', { id: 'reschedule-heading', text: t('manage.move.heading') });
  const pickerBox = h('div', { id: 'reschedule-picker' });
  const confirm = h('div', { id: 'reschedule-confirm' });
  const conflict = h('div', { id: 'reschedule-conflict' });
  clear(panel, h('section', { class: 'card', 'aria-labelledby': 'reschedule-heading' },
    heading, conflict, pickerBox, confirm,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', onclick: closePanel }, t('manage.move.keep')))));
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
      clear(confirm, h('p', { text: t('manage.move.ask', { time: formatDateTime(slot.start, zone), zone: zoneLabel(zone) }) }),
        h('button', {
          type: 'button', id: 'confirm-reschedule', onclick: (e) => move(e, slot, zone, picker, conflict),
        }, t('manage.move.yes')));
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
    const heading = h('h2', { id: 'moved-heading', text: t('manage.moved') });
    clear(messages, h('div', { class: 'alert alert-ok', role: 'status' }, heading,
      h('p', { text: t('manage.moved.detail', { time: whenText(booking), zone: zoneLabel(booking.timeZone) }) })));
    focusHeading(heading);
  } catch (e) {
    event.target.disabled = false;
    if (e instanceof ApiError && e.status === 409) {
      const heading = h('h3', { text: t('book.taken') });
      clear(conflict, h('div', { class: 'alert alert-warn', role: 'alert' }, heading,
        e.alternatives.length > 0
          ? [h('p', { text: t('manage.nearby') }),
            h('ul', { class: 'alternatives' }, e.alternatives.map((alt) => h('li', {},
              h('button', {
                type: 'button', class: 'secondary', 'data-start': alt.start,
                onclick: () => { clear(conflict); picker.choose(alt.start); },
              }, h('time', { datetime: alt.start, text: formatShortDateTime(alt.start, zone) })))))]
          : h('p', { text: t('manage.other') })));
      focusHeading(heading);
      picker.refreshDay();
    } else {
      clear(conflict, errorBox(e, t('manage.moveFailed')));
    }
  }
}

show();
