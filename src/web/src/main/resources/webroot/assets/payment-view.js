// Payments as the customer pages show them: the refund a cancellation would bring, and the payment step of
// a held booking (Stripe.js, loaded from the URL the hub is configured with), in the page's language (js.pay.*).

import { LANG, t } from './i18n.js';
import { api, enc } from './api.js';
import { h, clear, errorBox } from './dom.js';
import { formatDateTime, localDate, addDays } from './time.js';
import { formatMoney } from './money.js';

/** The booking's payment and what cancelling now would refund; null when this hub has no payments. */
export async function loadPayment(token) {
  try {
    return await api('GET', `/api/v1/public/bookings/${enc(token)}/payment`);
  } catch (e) {
    if (e.status === 503) {
      return null;
    }
    throw e;
  }
}

/** The sentence the manage page shows before (and after) a cancellation. */
export function refundSentence(view) {
  const paid = view && view.payment && ['PAID', 'AUTHORIZED'].includes(view.payment.state);
  if (!paid) {
    return t('pay.none');
  }
  const quote = view.refundIfCancelledNow;
  if (quote.refund.amountMinor === 0) {
    return t('pay.refund.nothing', { paid: formatMoney(quote.paid) });
  }
  return t('pay.refund.some', {
    refund: formatMoney(quote.refund), paid: formatMoney(quote.paid), percent: quote.refundPercent,
  });
}

function loadScript(url) {
  return new Promise((resolve, reject) => {
    if (window.Stripe) {
      resolve();
      return;
    }
    const script = document.createElement('script');
    script.src = url;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(t('pay.loadFailed')));
    document.head.append(script);
  });
}

/** True when this booking's hold was released because its payment failed (the type's RELEASE setting). */
export function releasedAfterFailure(booking, view) {
  return booking.status === 'CANCELLED' && Boolean(view && view.payment)
    && view.payment.state === 'CANCELED' && view.payment.captured.amountMinor === 0;
}

async function stillFree(booking, minutes) {
  const day = localDate(booking.start, booking.timeZone);
  const answer = await api('GET', `/api/v1/public/booking-types/${enc(booking.bookingTypeId)}/slots?from=${day}`
    + `&to=${addDays(day, 1)}&tz=${enc(booking.timeZone)}&duration=${minutes}`);
  return answer.slots.some((slot) => slot.start === booking.start);
}

/**
 * What the confirmation page says after a failed payment released the time: plainly that, and, while the same time is
 * still free, one button that books it again with the same name and e-mail (then the payment step of the new booking).
 */
export async function releasedNotice(booking, againHref) {
  const minutes = Math.round((Date.parse(booking.end) - Date.parse(booking.start)) / 60000);
  const when = formatDateTime(booking.start, booking.timeZone);
  const box = h('div', { id: 'payment-released', class: 'alert alert-warn', role: 'status' },
    h('p', { text: t('pay.released') }));
  let free = false;
  try {
    free = await stillFree(booking, minutes);
  } catch (e) {
    free = false;
  }
  if (!free) {
    box.append(h('p', { text: t('pay.taken', { when }) }),
      againHref ? h('a', { class: 'button', id: 'book-again', href: againHref }, t('pay.chooseOther')) : null);
    return box;
  }
  const message = h('div', { id: 'rebook-message', role: 'alert' });
  const button = h('button', { type: 'button', id: 'rebook-button' }, t('pay.again', { when }));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const receipt = await api('POST', `/api/v1/public/booking-types/${enc(booking.bookingTypeId)}/bookings`, {
        start: booking.start, timeZone: booking.timeZone, name: booking.customerName, email: booking.customerEmail,
        durationMinutes: minutes, language: LANG,
      });
      window.location.assign(`/booked/${enc(receipt.manageToken)}`);
    } catch (e) {
      button.disabled = false;
      clear(message, errorBox(e, t('pay.againFailed')));
    }
  });
  box.append(h('p', { text: t('pay.stillFree', { when }) }),
    button, message);
  return box;
}

/** An intent Stripe.js answered without an error but that is not paid or authorized (its check was left open). */
function unfinished(intent) {
  if (intent && ['succeeded', 'requires_capture', 'processing'].includes(intent.status)) {
    return null;
  }
  return { code: 'payment_intent_authentication_failure' };
}

/**
 * What the customer reads after a failed payment, by Stripe's error code: a declined card and a failed bank check
 * (3-D Secure) say so, and what to do; any other failure says it plainly.
 */
function failureSentence(error) {
  if (error.code === 'payment_intent_authentication_failure') {
    return t('pay.bankRefused');
  }
  return t(error.code === 'card_declined' ? 'pay.declined' : 'pay.failed');
}

/**
 * The payment step of a held booking, drawn into {@code box}: the amount, Stripe's card field, a pay button. Calls
 * {@code onPaid} once the hub reports the payment (the webhook, or the re-read the GET does), {@code onReleased} when a
 * failed payment made the hub release the time (the type's RELEASE setting); otherwise another card can be tried.
 * A card that needs the bank's check (3-D Secure) is checked by Stripe.js inside {@code confirmCardPayment}; the page
 * only tells the customer to expect it and says plainly when it failed. Only the hub's webhook confirms the booking.
 */
export async function paymentStep(box, token, onPaid, onReleased) {
  const checkout = await api('POST', `/api/v1/public/bookings/${enc(token)}/payment`);
  await loadScript(checkout.scriptUrl);
  const stripe = window.Stripe(checkout.publishableKey, { locale: LANG });
  const elements = stripe.elements({ locale: LANG });
  const card = elements.create('card');
  const message = h('div', { id: 'payment-message', role: 'alert' });
  const amount = formatMoney(checkout.payment.amount);
  const button = h('button', { type: 'submit', id: 'pay-button' }, t('pay.button', { amount }));
  const cardBox = h('div', { id: 'card-element', class: 'card-field' });
  const form = h('form', { id: 'payment-form', class: 'card stack' },
    h('h2', { text: t('pay.heading') }),
    h('p', { text: t('pay.held', { amount }) }),
    h('label', { for: 'card-element', text: t('pay.card') }), cardBox, message, button);
  clear(box, form);
  card.mount(cardBox);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    clear(message, h('p', { text: t('pay.confirming') }));
    // Stripe.js runs the bank's check (3-D Secure) when the intent needs one, and resolves once it is over.
    const result = await stripe.confirmCardPayment(checkout.clientSecret, { payment_method: { card } });
    const failure = result.error || unfinished(result.paymentIntent);
    if (failure) {
      // The hub re-reads the intent: under RELEASE the failure frees the time and cancels the intent.
      const view = await loadPayment(token).catch(() => null);
      if (view && view.payment && view.payment.state === 'CANCELED') {
        onReleased();
        return;
      }
      button.disabled = false;
      clear(message, h('p', { class: 'notice', text: failureSentence(failure) }));
      return;
    }
    clear(message, h('p', { text: t('pay.received') }));
    for (let i = 0; i < 40; i += 1) {
      const view = await loadPayment(token);
      if (view && view.payment && ['PAID', 'AUTHORIZED'].includes(view.payment.state)) {
        onPaid();
        return;
      }
      await new Promise((r) => { setTimeout(r, 500); });
    }
    clear(message, errorBox(new Error(t('pay.slow')), t('pay.notYet')));
  });
}
