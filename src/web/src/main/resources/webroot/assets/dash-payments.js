// The payment part of the booking-type form: none, a deposit or the full price online (only where the hub takes card
// payments; otherwise the online choices are disabled and the form says why), the type's payment settings (deposit
// as a percentage or a fixed amount, manual capture, what a failed card does), and the refund tiers as an editable
// table with a live preview that decides as the server does (RefundPolicy.percentAt).

import { enc } from './api.js';
import { h, clear, field, checkbox, setFieldError } from './dom.js';
import { call } from './dash-session.js';
import { fractionDigits } from './money.js';

export const MAX_TIERS = 10;
const MAX_NOTICE_HOURS = 26352;

/**
 * The refund percentage of a cancellation `noticeMinutes` before the start: of the tiers whose notice it meets, the
 * longest decides; none: 0. The server's rule (RefundPolicy.percentAt), in whole minutes.
 */
export function refundPercent(tiers, noticeMinutes) {
  let best = null;
  tiers.forEach((t) => {
    if (noticeMinutes >= t.noticeHours * 60 && (best === null || t.noticeHours > best.noticeHours)) {
      best = t;
    }
  });
  return best === null ? 0 : best.refundPercent;
}

function numberInput(id, label, value, min, max) {
  return h('input', {
    id, type: 'number', value: value === undefined || value === null ? '' : String(value), 'aria-label': label,
    min: String(min), max: String(max), step: '1', inputmode: 'numeric',
  });
}

/** A whole number in the input's bounds, or an error message; empty text gives undefined. */
function wholeNumber(input) {
  const text = input.value.trim();
  if (!text) {
    return { value: undefined };
  }
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < Number(input.min) || value > Number(input.max)) {
    return { error: `A whole number from ${input.min} to ${input.max}.` };
  }
  return { value };
}

/** The refund tiers table: rows of hours of notice and percent, added and removed, with the live preview. */
function tierTable(policy) {
  const body = h('tbody', { id: 'tier-rows' });
  const error = h('p', { id: 'tier-error', class: 'field-error', hidden: true });
  const add = h('button', { type: 'button', class: 'secondary', id: 'add-tier', onclick: () => { addRow(); preview(); } },
    'Add a tier');
  let next = 0;

  function addRow(tier) {
    next += 1;
    const n = next;
    const hours = numberInput(`tier-hours-${n}`, `Tier ${n}: hours of notice at least`, tier && tier.noticeHours, 0, MAX_NOTICE_HOURS);
    const percent = numberInput(`tier-percent-${n}`, `Tier ${n}: percent refunded`, tier && tier.refundPercent, 0, 100);
    const row = h('tr', { class: 'tier' },
      h('td', {}, hours),
      h('td', {}, percent),
      h('td', {}, h('button', {
        type: 'button', class: 'secondary', 'aria-label': `Remove tier ${n}`,
        onclick: () => { row.remove(); sync(); preview(); add.focus(); },
      }, 'Remove')));
    [hours, percent].forEach((input) => input.addEventListener('input', preview));
    body.append(row);
    sync();
    if (!tier) {
      hours.focus();
    }
  }

  function sync() {
    add.disabled = body.children.length >= MAX_TIERS;
  }

  /** The complete rows as tiers, and the first problem (or null). */
  function rows() {
    const tiers = [];
    let problem = null;
    [...body.children].forEach((row) => {
      const [hours, percent] = row.querySelectorAll('input');
      const a = wholeNumber(hours);
      const b = wholeNumber(percent);
      if (a.error || b.error) {
        problem = problem || { input: a.error ? hours : percent, message: a.error || b.error };
      } else if (a.value === undefined && b.value === undefined) {
        // an empty row is skipped
      } else if (a.value === undefined || b.value === undefined) {
        problem = problem || { input: a.value === undefined ? hours : percent, message: 'Fill in both parts of the tier, or remove it.' };
      } else {
        tiers.push({ noticeHours: a.value, refundPercent: b.value });
      }
    });
    return { tiers, problem };
  }

  const previewHours = numberInput('refund-preview-hours', 'Cancelled this many hours', 23, 0, 99999);
  const previewMinutes = numberInput('refund-preview-minutes', 'and this many minutes before the start', 59, 0, 59);
  const result = h('output', { id: 'refund-preview', for: 'refund-preview-hours refund-preview-minutes', 'aria-live': 'polite' });

  function preview() {
    const hours = wholeNumber(previewHours);
    const minutes = wholeNumber(previewMinutes);
    if (hours.error || minutes.error) {
      result.textContent = 'Enter whole hours and 0-59 minutes.';
      return;
    }
    const h1 = hours.value || 0;
    const m1 = minutes.value || 0;
    const percent = refundPercent(rows().tiers, h1 * 60 + m1);
    result.textContent = `Cancelled ${h1} h ${m1} min before: ${percent} % back`;
  }
  [previewHours, previewMinutes].forEach((input) => input.addEventListener('input', preview));

  (policy || []).forEach((tier) => addRow(tier));
  preview();

  const element = h('fieldset', { id: 'type-refund-tiers' }, h('legend', { text: 'Cancellation refunds' }),
    h('p', { class: 'hint', id: 'tier-hint', text: 'For a type paid online: a cancellation at least this many hours before the start gets this share back; the longest notice that applies decides; none: no refund. Counted in elapsed hours, also across a clock change.' }),
    h('table', { 'aria-describedby': 'tier-hint' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: 'Hours of notice, at least' }),
        h('th', { scope: 'col', text: 'Refund (%)' }), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden', text: 'Remove' })))),
      body),
    error,
    h('div', { class: 'actions' }, add),
    h('div', { class: 'refund-preview', role: 'group', 'aria-labelledby': 'refund-preview-label' },
      h('p', { id: 'refund-preview-label', class: 'fact-label', text: 'Try it' }),
      h('label', { for: 'refund-preview-hours', text: 'Cancelled (hours)' }), previewHours,
      h('label', { for: 'refund-preview-minutes', text: 'and (minutes) before the start' }), previewMinutes,
      h('p', {}, result)));

  function read(errors) {
    const { tiers, problem } = rows();
    error.hidden = true;
    if (problem) {
      errors.push([{ control: problem.input, error }, problem.message]);
    }
    return tiers;
  }

  return { element, read };
}

/**
 * The fieldsets and their reader. `cardPayments`: whether the hub takes card payments. read(errors, currency) gives
 * {payment, cancellationPolicy} for the type's body; saveSettings(typeId, currency) then stores the payment settings
 * (after the type, whose price and payment they are checked against).
 */
export async function paymentFields(type, cardPayments) {
  const wanted = type.payment || 'NONE';
  const online = cardPayments;
  const payment = field({
    id: 'type-payment', label: 'Payment', kind: 'select', value: online ? wanted : 'NONE',
    options: [{ value: 'NONE', text: 'None online (paid on site)' },
      { value: 'DEPOSIT', text: online ? 'Deposit online' : 'Deposit online (needs card payments)' },
      { value: 'FULL', text: online ? 'Full price online' : 'Full price online (needs card payments)' }],
  });
  const notice = h('div', { id: 'type-payment-notice' });
  if (!online) {
    payment.control.querySelectorAll('option:not([value="NONE"])').forEach((o) => { o.disabled = true; });
    clear(notice, h('div', { class: 'alert alert-warn', role: 'status', id: 'no-card-payments' },
      h('p', { text: 'This hub takes no card payments (no Stripe account is set up), so customers pay on site. Online deposits and payments need the hub\'s operator to configure Stripe.' }),
      wanted !== 'NONE' ? h('p', { id: 'paid-type-not-bookable', text: `This type is set to take ${wanted === 'DEPOSIT' ? 'a deposit' : 'the full price'} online, so customers cannot book it. Saving makes it paid on site.` }) : null));
  }
  let settings = { manualCapture: false, onPaymentFailure: 'RELEASE' };
  if (online && type.id) {
    settings = await call('GET', `/api/v1/booking-types/${enc(type.id)}/payment-settings`);
  }
  const depositKind = field({
    id: 'type-deposit-kind', label: 'Deposit as', kind: 'select', value: settings.depositAmountMinor ? 'AMOUNT' : 'PERCENT',
    options: [{ value: 'PERCENT', text: 'A share of the price (%)' }, { value: 'AMOUNT', text: 'A fixed amount' }],
  });
  const depositValue = field({
    id: 'type-deposit', label: 'Deposit', type: 'text', attrs: { inputmode: 'decimal' },
    value: settings.depositAmountMinor
      ? (settings.depositAmountMinor / 10 ** fractionDigits((type.price && type.price.currency) || 'EUR'))
        .toFixed(fractionDigits((type.price && type.price.currency) || 'EUR'))
      : String(settings.depositPercent || 20),
  });
  const manual = checkbox({ id: 'type-manual-capture', label: 'Only authorize the card at booking; I capture it myself (bookable up to 6 days ahead)', checked: settings.manualCapture });
  const failure = field({
    id: 'type-on-failure', label: 'When a card payment fails', kind: 'select', value: settings.onPaymentFailure || 'RELEASE',
    options: [{ value: 'RELEASE', text: 'Free the time at once' },
      { value: 'RETRY_UNTIL_HOLD_EXPIRES', text: 'Keep it while the customer tries another card (until the hold ends)' }],
  });
  const deposit = h('div', { class: 'row', id: 'type-deposit-fields' }, depositKind.wrapper, depositValue.wrapper);
  const details = h('div', { id: 'type-payment-settings' }, deposit, manual.wrapper, failure.wrapper);
  const sync = () => {
    details.hidden = payment.control.value === 'NONE';
    deposit.hidden = payment.control.value !== 'DEPOSIT';
  };
  payment.control.addEventListener('change', sync);
  sync();
  const tiers = tierTable(type.cancellationPolicy);
  const element = h('div', { id: 'type-payments' },
    h('fieldset', {}, h('legend', { text: 'Payment' }), notice, payment.wrapper, details),
    tiers.element);

  let pendingSettings = null;

  function read(errors, currency) {
    setFieldError(depositValue, null);
    pendingSettings = null;
    const chosen = payment.control.value;
    if (chosen !== 'NONE') {
      pendingSettings = { manualCapture: manual.control.checked, onPaymentFailure: failure.control.value };
      const text = depositValue.control.value.trim().replace(',', '.');
      if (chosen === 'DEPOSIT' && depositKind.control.value === 'PERCENT') {
        if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 100) {
          errors.push([depositValue, 'A whole percentage from 1 to 100.']);
        }
        pendingSettings.depositPercent = Number(text);
      } else if (chosen === 'DEPOSIT') {
        const digits = fractionDigits(currency);
        if (!/^\d+(\.\d+)?$/.test(text) || (text.split('.')[1] || '').length > digits || Number(text) <= 0) {
          errors.push([depositValue, `An amount like 20${digits > 0 ? `.${'0'.repeat(digits)}` : ''}.`]);
        }
        pendingSettings.depositAmountMinor = Math.round(Number(text) * 10 ** digits);
      }
    }
    return { payment: chosen, cancellationPolicy: tiers.read(errors) };
  }

  /** Stores the settings read last (nothing for a type paid on site). */
  async function saveSettings(typeId) {
    if (pendingSettings) {
      await call('PUT', `/api/v1/booking-types/${enc(typeId)}/payment-settings`, pendingSettings);
    }
  }

  return { element, read, saveSettings, fields: [payment, depositKind, depositValue, failure] };
}
