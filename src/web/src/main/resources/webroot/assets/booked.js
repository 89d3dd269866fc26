// The confirmation page, /booked/{manageToken}: what was booked, add-to-calendar links (Google, Outlook, .ics), and the
// link to change or cancel. A held booking of a type that takes payment shows the payment step first.

import { enc } from './api.js';
import { googleCalendarHref, outlookHref } from './calendar-links.js';
import { h, clear, errorBox } from './dom.js';
import { outOfFrame } from './embedded.js';
import {
  bookAgainHref, details, isActive, loadBooking, manageToken,
} from './booking-view.js';
import {
  loadPayment, paymentStep, releasedAfterFailure, releasedNotice,
} from './payment-view.js';

const app = document.getElementById('app');
const title = document.getElementById('page-title');
const token = manageToken();

async function show(paymentChecked = false) {
  try {
    const { booking, offer } = await loadBooking(token);
    if (booking.status === 'HELD' && offer && offer.payment !== 'NONE') {
      // Paid a moment ago (a reload before the webhook came)? Reading the payment confirms the hold; look once more.
      const view = paymentChecked ? null : await loadPayment(token);
      if (view && view.payment && ['PAID', 'AUTHORIZED'].includes(view.payment.state)) {
        await show(true);
        return;
      }
      title.textContent = 'Pay to confirm';
      document.title = `${title.textContent} · Dovetail`;
      const step = h('div', { id: 'payment-step' });
      clear(app, details(booking, offer), step);
      await paymentStep(step, token, () => show(true), () => show(true));
      return;
    }
    if (booking.status === 'CANCELLED' && offer && offer.payment !== 'NONE') {
      const view = await loadPayment(token).catch(() => null);
      if (releasedAfterFailure(booking, view)) {
        title.textContent = 'Payment failed: the time was released';
        document.title = `${title.textContent} · Dovetail`;
        clear(app, await releasedNotice(booking, bookAgainHref(offer)), details(booking, offer));
        return;
      }
    }
    const active = isActive(booking);
    title.textContent = active ? "You're booked" : 'This booking is no longer active';
    document.title = `${title.textContent} · Dovetail`;
    const again = bookAgainHref(offer);
    const manageUrl = new URL(`/manage/${enc(token)}`, window.location.origin).href;
    clear(app,
      active
        ? h('div', { class: 'alert alert-ok', role: 'status' },
          h('p', { text: `See you then${booking.customerName ? `, ${booking.customerName}` : ''}. ` }),
          h('p', { text: 'Add the booking to your calendar, and keep this page\'s link to change or cancel it.' }))
        : h('div', { class: 'alert alert-warn', role: 'status' }, h('p', { text: 'This booking was cancelled or has expired.' })),
      details(booking, offer),
      h('div', { class: 'actions stack' },
        h('a', {
          class: 'button', id: 'ics-link', href: `/api/v1/public/bookings/${enc(token)}/ics`, download: 'booking.ics',
        }, 'Add to calendar (.ics)'),
        active ? h('a', {
          class: 'button secondary', id: 'google-link', target: '_blank', rel: 'noopener noreferrer',
          href: googleCalendarHref(booking, offer, manageUrl),
        }, 'Add to Google Calendar') : null,
        active ? h('a', {
          class: 'button secondary', id: 'outlook-link', target: '_blank', rel: 'noopener noreferrer',
          href: outlookHref(booking, offer, manageUrl),
        }, 'Add to Outlook') : null,
        h('a', { class: 'button secondary', id: 'manage-link', href: `/manage/${enc(token)}`, ...outOfFrame() },
          active ? 'Change or cancel' : 'See booking'),
        !active && again ? h('a', { class: 'button secondary', href: again }, 'Book another time') : null));
  } catch (e) {
    title.textContent = 'Your booking could not be shown';
    clear(app, errorBox(e, 'We could not load this booking'),
      h('p', { text: 'Check that you opened the whole link from your confirmation.' }));
  }
}

show();
