// A booking's panel, opened from the agenda grid: who, when (in the agenda's zone and the customer's), where, the
// customer's answers, the payment; and every action the API offers: move to a free time, cancel, mark a no-show,
// capture an authorized payment, refund a paid one (in full or in part), resend the confirmation mail.

import { enc } from './api.js';
import {
  h, clear, errorBox, field, reportErrors,
} from './dom.js';
import { call } from './dash-session.js';
import { openDialog, closeDialog } from './dash-dialog.js';
import { showFreeSlots } from './dash-slots.js';
import { formatMoney, fractionDigits } from './money.js';
import {
  formatDateTime, formatTime, localDate, now, zoneLabel,
} from './time.js';

const STATUS_TEXT = { CONFIRMED: 'Confirmed', HELD: 'Held', CANCELLED: 'Cancelled', EXPIRED: 'Expired' };

function details(b, zone, names) {
  const rows = [
    ['Customer', b.customerName],
    ['E-mail', b.customerEmail],
    ['When', `${formatDateTime(b.start, zone)} – ${formatTime(b.end, zone)}`],
    b.timeZone !== zone ? ['Customer’s time', `${formatDateTime(b.start, b.timeZone)} (${zoneLabel(b.timeZone)})`] : null,
    ['Resource', (b.resourceIds || [b.resourceId]).map((r) => names.resources.get(r) || r).join(', ')],
    ['Booking type', names.types.get(b.bookingTypeId) || b.bookingTypeId],
    ['Status', STATUS_TEXT[b.status] || b.status],
    // What the customer wrote when cancelling through the manage link (ADR 68).
    b.cancellationReason ? ['Cancellation reason', b.cancellationReason] : null,
    b.status === 'HELD' ? ['Hold expires', formatDateTime(b.holdExpiresAt, zone)] : null,
    b.payment ? ['Payment', `${b.payment.state} · ${formatMoney(b.payment.amount)}`
      + `${b.payment.captured.amountMinor > 0 ? ` · captured ${formatMoney(b.payment.captured)}` : ''}`
      + `${b.payment.refunded.amountMinor > 0 ? ` · refunded ${formatMoney(b.payment.refunded)}` : ''}`] : null,
    // The customer's answers to the type's questions, as asked (ADR 49).
    ...(b.answers || []).map((a) => [a.question, a.answer]),
  ].filter(Boolean);
  return h('dl', { class: 'details', id: 'panel-details' },
    rows.map(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })]));
}

export async function openBookingPanel({ booking, zone, names, returnTo, onChanged }) {
  const dialog = openDialog({ id: 'booking-panel', title: `${booking.customerName}`, returnTo });
  dialog.set(h('p', { class: 'loading', text: 'Loading…' }));
  let b;
  try {
    b = (await call('GET', `/api/v1/bookings/${enc(booking.id)}`)).booking;
  } catch (e) {
    dialog.set(errorBox(e, 'The booking could not be loaded'));
    return;
  }
  const status = h('div', { id: 'panel-status', 'aria-live': 'assertive' });
  const live = b.status === 'CONFIRMED' || b.status === 'HELD';
  const upcoming = live && Date.parse(b.start) > now();
  const sections = [details(b, zone, names), status];

  async function act(button, path, body, done) {
    button.disabled = true;
    clear(status);
    try {
      await call('POST', path, body);
      closeDialog();
      await onChanged(done);
    } catch (e) {
      button.disabled = false;
      clear(status, errorBox(e, 'That did not work'));
    }
  }

  if (upcoming && b.status === 'CONFIRMED') {
    sections.push(moveSection(b, zone, act));
  }
  if (upcoming) {
    sections.push(cancelSection(b, act));
  }
  if (b.payment && live && b.payment.state === 'AUTHORIZED' && b.payment.manualCapture) {
    const capture = h('button', {
      type: 'button', id: 'panel-capture',
      onclick: () => act(capture, `/api/v1/bookings/${enc(b.id)}/capture`, undefined, 'Payment captured.'),
    }, 'Capture payment');
    sections.push(h('section', { 'aria-labelledby': 'panel-pay-title' },
      h('h3', { id: 'panel-pay-title', text: 'Payment' }), h('div', { class: 'actions' }, capture)));
  }
  if (b.payment && b.status === 'CONFIRMED' && Date.parse(b.start) <= now() && !b.payment.noShow) {
    const noShow = h('button', {
      type: 'button', class: 'secondary', id: 'panel-no-show',
      onclick: () => act(noShow, `/api/v1/bookings/${enc(b.id)}/no-show`, undefined,
        'Marked as a no-show: the cancellation policy decided the payment.'),
    }, 'Customer did not come');
    sections.push(h('section', { 'aria-labelledby': 'panel-noshow-title' },
      h('h3', { id: 'panel-noshow-title', text: 'No-show' }),
      h('p', { class: 'muted', text: 'The cancellation policy decides what is kept, as if cancelled at the start.' }),
      h('div', { class: 'actions' }, noShow)));
  }
  if (b.payment && b.payment.state === 'PAID' && b.payment.captured.amountMinor > b.payment.refunded.amountMinor) {
    sections.push(refundSection(b, act));
  }
  if (b.status === 'CONFIRMED') {
    const resend = h('button', {
      type: 'button', class: 'secondary', id: 'panel-resend',
      onclick: () => act(resend, `/api/v1/bookings/${enc(b.id)}/resend-confirmation`, undefined,
        `The confirmation is on its way to ${b.customerEmail} again.`),
    }, 'Resend confirmation');
    sections.push(h('section', { 'aria-labelledby': 'panel-resend-title' },
      h('h3', { id: 'panel-resend-title', text: 'Confirmation mail' }),
      h('p', { class: 'muted', text: 'Lost the mail? Send the confirmation, with its calendar file and manage link, once more.' }),
      h('div', { class: 'actions' }, resend)));
  }
  if (!live) {
    sections.push(h('p', { class: 'muted', text: 'This booking no longer blocks time.' }));
  }
  dialog.set(...sections);
}

function moveSection(b, zone, act) {
  const minutes = Math.round((Date.parse(b.end) - Date.parse(b.start)) / 60000);
  const dateField = field({ id: 'move-date', label: 'Day', type: 'date', value: localDate(b.start, zone) });
  const list = h('ul', { class: 'slot-list', id: 'move-slots', 'aria-label': 'Free times' });
  const confirm = h('button', { type: 'button', id: 'move-confirm', disabled: true }, 'Move here');
  let picked = null;
  const load = () => {
    picked = null;
    confirm.disabled = true;
    return showFreeSlots({
      list, typeId: b.bookingTypeId, date: dateField.control.value, zone, minutes,
      onPick: (slot) => {
        picked = slot;
        confirm.disabled = false;
        confirm.textContent = `Move to ${formatDateTime(slot.start, zone)}`;
      },
    });
  };
  dateField.control.addEventListener('change', load);
  confirm.addEventListener('click', () => {
    if (picked) {
      act(confirm, `/api/v1/bookings/${enc(b.id)}/reschedule`, { start: picked.start },
        `Moved ${b.customerName}’s booking to ${formatDateTime(picked.start, zone)}. The customer is told by mail.`);
    }
  });
  const show = h('button', {
    type: 'button', class: 'secondary', id: 'move-show', onclick: () => load(),
  }, 'Show free times');
  return h('section', { 'aria-labelledby': 'panel-move-title' },
    h('h3', { id: 'panel-move-title', text: 'Move to a free time' }),
    dateField.wrapper, h('div', { class: 'actions' }, show), list, h('div', { class: 'actions' }, confirm));
}

function cancelSection(b, act) {
  const ask = h('button', { type: 'button', class: 'secondary', id: 'panel-cancel' }, 'Cancel booking');
  const area = h('div', {}, h('div', { class: 'actions' }, ask));
  ask.addEventListener('click', () => {
    const note = field({
      id: 'panel-cancel-message', label: 'Message to the customer (optional)',
      hint: 'Shown in the cancellation mail, e.g. why, or how to book again.', attrs: { maxlength: '500' },
    });
    const yes = h('button', {
      type: 'button', class: 'danger', id: 'panel-cancel-confirm',
      onclick: () => {
        const message = note.control.value.replace(/\s+/g, ' ').trim();
        act(yes, `/api/v1/bookings/${enc(b.id)}/cancel`, message ? { message } : undefined,
          `Cancelled ${b.customerName}’s booking. The customer is told by mail.`);
      },
    }, 'Yes, cancel it');
    clear(area,
      h('p', {
        text: `Cancel ${b.customerName}’s booking? The time becomes free again, and the customer gets the cancellation mail.${
          b.payment && (b.payment.state === 'AUTHORIZED' || b.payment.state === 'PAID')
            ? ' Their payment is refunded in full.' : ''}`,
      }),
      note.wrapper, h('div', { class: 'actions' }, yes));
    note.control.focus();
  });
  return h('section', { 'aria-labelledby': 'panel-cancel-title' },
    h('h3', { id: 'panel-cancel-title', text: 'Cancel' }), area);
}

/** Refunds part or all of what is still held of a paid booking, without cancelling it. */
function refundSection(b, act) {
  const { captured, refunded } = b.payment;
  const { currency } = captured;
  const digits = fractionDigits(currency);
  const left = captured.amountMinor - refunded.amountMinor;
  const amount = field({
    id: 'panel-refund-amount', label: `Amount to refund (${currency})`, type: 'text',
    hint: `Up to ${formatMoney({ amountMinor: left, currency })}, what is still paid.`,
    value: (left / 10 ** digits).toFixed(digits), attrs: { inputmode: 'decimal', autocomplete: 'off' },
  });
  const refund = h('button', {
    type: 'button', class: 'danger', id: 'panel-refund',
    onclick: () => {
      const text = amount.control.value.trim().replace(',', '.');
      const minor = Math.round(Number(text) * 10 ** digits);
      const valid = /^\d+(\.\d+)?$/.test(text) && minor >= 1 && minor <= left;
      if (reportErrors([amount], valid ? [] : [[amount, `Enter an amount from ${formatMoney({ amountMinor: 1, currency })}`
        + ` to ${formatMoney({ amountMinor: left, currency })}.`]])) {
        act(refund, `/api/v1/bookings/${enc(b.id)}/refund`, { refundedMinor: refunded.amountMinor + minor },
          `Refunded ${formatMoney({ amountMinor: minor, currency })} to ${b.customerName}. The booking stays as it is.`);
      }
    },
  }, 'Refund');
  return h('section', { 'aria-labelledby': 'panel-refund-title' },
    h('h3', { id: 'panel-refund-title', text: 'Refund' }),
    h('p', { class: 'muted', text: 'Gives money back to the customer’s card; the booking is not cancelled.' }),
    amount.wrapper, h('div', { class: 'actions' }, refund));
}
