// The confirmation page, /booked/{manageToken}: what was booked, add-to-calendar links (Google, Outlook, .ics), and the
// link to change or cancel. A held booking of a type that takes payment shows the payment step first.

import { t } from './i18n.js';
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
      title.textContent = t('booked.pay');
      document.title = t('title.suffix', { title: title.textContent });
      const step = h('div', { id: 'payment-step' });
      clear(app, details(booking, offer), step);
      await paymentStep(step, token, () => show(true), () => show(true));
      return;
    }
    if (booking.status === 'CANCELLED' && offer && offer.payment !== 'NONE') {
      const view = await loadPayment(token).catch(() => null);
      if (releasedAfterFailure(booking, view)) {
        title.textContent = t('booked.released');
        document.title = t('title.suffix', { title: title.textContent });
        clear(app, await releasedNotice(booking, bookAgainHref(offer)), details(booking, offer));
        return;
      }
    }
    const active = isActive(booking);
    title.textContent = active ? t('booked.booked') : t('booked.inactive');
    document.title = t('title.suffix', { title: title.textContent });
    const again = bookAgainHref(offer);
    const manageUrl = new URL(`/manage/${enc(token)}`, window.location.origin).href;
    clear(app,
      active
        ? h('div', { class: 'alert alert-ok', role: 'status' },
          h('p', { text: booking.customerName ? t('booked.seeYouName', { name: booking.customerName }) : t('booked.seeYou') }),
          h('p', { text: t('booked.keep') }))
        : h('div', { class: 'alert alert-warn', role: 'status' }, h('p', { text: t('booked.cancelled') })),
      details(booking, offer),
      h('div', { class: 'actions stack' },
        h('a', {
          class: 'button', id: 'ics-link', href: `/api/v1/public/bookings/${enc(token)}/ics`, download: 'booking.ics',
        }, t('booked.ics')),
        active ? h('a', {
          class: 'button secondary', id: 'google-link', target: '_blank', rel: 'noopener noreferrer',
          href: googleCalendarHref(booking, offer, manageUrl),
        }, t('booked.google')) : null,
        active ? h('a', {
          class: 'button secondary', id: 'outlook-link', target: '_blank', rel: 'noopener noreferrer',
          href: outlookHref(booking, offer, manageUrl),
        }, t('booked.outlook')) : null,
        h('a', { class: 'button secondary', id: 'manage-link', href: `/manage/${enc(token)}`, ...outOfFrame() },
          active ? t('booked.change') : t('booked.see')),
        !active && again ? h('a', { class: 'button secondary', href: again }, t('booked.again')) : null));
  } catch (e) {
    title.textContent = t('booked.failed');
    clear(app, errorBox(e, t('booked.failed.heading')),
      h('p', { text: t('booked.failed.hint') }));
  }
}

show();
