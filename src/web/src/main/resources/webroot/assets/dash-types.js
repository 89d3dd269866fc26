// Booking types: what customers book (one resource or a pool of them, lengths, slot interval, buffers, notice,
// horizon, limits, price, payment and refund tiers (dash-payments.js), reminders (dash-reminders.js), the public
// booking's abuse limits), each with its public booking page link and its waitlist (dash-waitlist.js). Fields this
// form does not know are sent back as they came.

import { enc } from './api.js';
import {
  h, clear, errorBox, field, reportErrors, focusHeading, okBox,
} from './dom.js';
import { call, collect, session } from './dash-session.js';
import { PagedList } from './dash-list.js';
import { poolFields, poolText } from './dash-pool.js';
import { detailsFields } from './dash-type-details.js';
import { sharePanel } from './dash-share.js';
import { paymentFields } from './dash-payments.js';
import { formatMoney, fractionDigits } from './money.js';
import { reminderFields } from './dash-reminders.js';
import { waitlistView } from './dash-waitlist.js';
import { minutesText } from './time.js';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

function priceText(price) {
  if (!price || price.amountMinor === 0) {
    return 'free';
  }
  return formatMoney(price);
}

export function typesView(container) {
  const heading = h('h1', { id: 'page-title', text: 'Booking types' });
  const message = h('div', { id: 'types-message' });
  const list = new PagedList({
    path: '/api/v1/booking-types',
    id: 'type-list',
    empty: 'No booking types yet.',
    renderItem: (t) => {
      const href = `/book/${enc(session.me.providerId)}/${enc(t.id)}`;
      return h('li', { class: 'item', 'data-type-id': t.id },
        h('div', { class: 'item-head' },
          h('span', { class: 'item-title', text: t.name }),
          h('span', { class: 'actions' },
            h('button', { type: 'button', class: 'secondary', 'aria-label': `Waitlist of ${t.name}`, onclick: () => waitlistView(container, t, () => showList()) }, 'Waitlist'),
            h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${t.name}`, onclick: () => showForm(t) }, 'Edit'))),
        h('span', { class: 'muted', text: `${t.id} · ${poolText(t)} · ${t.durationsMinutes.map(minutesText).join(' or ')} · ${priceText(t.price)}` }),
        h('span', {}, 'Booking page: ', h('a', { href, class: 'booking-page-link' }, href)),
        sharePanel({ typeId: t.id, title: `Book ${t.name}` }));
    },
  });

  function showList(notice) {
    clear(container, heading, message,
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'new-type', onclick: () => showForm(null) }, 'New booking type')),
      list.element);
    clear(message, notice || null);
    list.reload();
  }

  async function showForm(type) {
    let resources;
    let pay;
    try {
      resources = (await collect('/api/v1/resources', { maxPages: 5 })).items;
      pay = await paymentFields(type || {}, (await call('GET', '/api/v1/me')).cardPayments === true);
    } catch (e) {
      clear(message, errorBox(e, 'Resources could not be loaded'));
      return;
    }
    if (resources.length === 0) {
      clear(message, h('div', { class: 'alert alert-warn', role: 'alert' },
        h('p', {}, 'Create a resource first: a booking type books time of one resource. ', h('a', { href: '#resources' }, 'Go to resources'))));
      return;
    }
    const editing = Boolean(type);
    const t = type || {};
    const num = (fieldId, label, value, hint, min, max) => field({
      id: fieldId, label, type: 'number', value: value === undefined || value === null ? '' : String(value), hint,
      attrs: { min: String(min), max: String(max), step: '1', inputmode: 'numeric' },
    });
    const formHeading = h('h1', { id: 'page-title', text: editing ? `Edit ${t.name}` : 'New booking type' });
    const name = field({ id: 'type-name', label: 'Name', value: t.name || '', attrs: { maxlength: '200', required: true } });
    const id = field({
      id: 'type-id', label: 'Short id', value: t.id || '',
      hint: editing ? 'The id cannot be changed; it is part of the booking page address.' : 'Part of the booking page address; leave empty for a generated one.',
      attrs: { maxlength: '63', readonly: editing, autocapitalize: 'none', spellcheck: 'false' },
    });
    const resource = field({
      id: 'type-resource', label: 'Resource', kind: 'select',
      options: resources.map((r) => ({ value: r.id, text: `${r.name} (${r.id})` })), value: t.resourceId || resources[0].id,
    });
    const pool = poolFields(resources, t, resource);
    const details = detailsFields(t);
    const durations = field({
      id: 'type-durations', label: 'Lengths in minutes', value: (t.durationsMinutes || [30]).join(', '),
      hint: 'One or more, separated by commas; the first is the default.', attrs: { inputmode: 'numeric' },
    });
    const interval = num('type-interval', 'Slot every (minutes)', t.slotIntervalMinutes, 'Empty: the first length.', 5, 1440);
    const before = num('type-buffer-before', 'Buffer before (minutes)', t.bufferBeforeMinutes ?? 0, null, 0, 1440);
    const after = num('type-buffer-after', 'Buffer after (minutes)', t.bufferAfterMinutes ?? 0, null, 0, 1440);
    const notice = num('type-notice', 'Minimum notice (minutes)', t.minimumNoticeMinutes ?? 60, null, 0, 1581120);
    const horizon = num('type-horizon', 'Bookable up to (days ahead)', t.horizonDays ?? 90, null, 1, 1098);
    const perDay = num('type-max-day', 'Most bookings a day', t.maxPerDay ?? 0, '0: no limit.', 0, 10000);
    const perWeek = num('type-max-week', 'Most bookings a week', t.maxPerWeek ?? 0, '0: no limit.', 0, 10000);
    const abuse = t.limits || {};
    const series = num('type-max-series', 'Longest weekly series', abuse.maxWeeklyOccurrences ?? 12, 'Weeks one request may book.', 1, 52);
    const holdsPerEmail = num('type-holds-email', 'Holds per customer e-mail', abuse.holdsPerEmail ?? 5, '0: no limit.', 0, 1000);
    const holdsPerAddress = num('type-holds-address', 'Holds per network address', abuse.holdsPerAddress ?? 20, '0: no limit.', 0, 1000);
    const holdWindow = num('type-hold-window', 'Within (minutes)', abuse.holdWindowMinutes ?? 60, null, 1, 10080);
    const currencyValue = (t.price && t.price.currency) || 'EUR';
    const amount = field({
      id: 'type-price', label: 'Price', type: 'text',
      value: t.price ? (t.price.amountMinor / 10 ** fractionDigits(currencyValue)).toFixed(fractionDigits(currencyValue)) : '0',
      hint: '0 for free.', attrs: { inputmode: 'decimal' },
    });
    const currency = field({ id: 'type-currency', label: 'Currency', value: currencyValue, attrs: { maxlength: '3', autocapitalize: 'characters' } });
    const reminders = reminderFields(t);
    const error = h('div', { id: 'type-error' });
    const save = h('button', { type: 'submit', id: 'save-type' }, editing ? 'Save changes' : 'Create booking type');
    const all = [name, id, resource, durations, interval, before, after, notice, horizon, perDay, perWeek, amount, currency,
      ...pay.fields, series, holdsPerEmail, holdsPerAddress, holdWindow];
    const allFields = () => [...all, ...details.fields];

    const form = h('form', { id: 'type-form', novalidate: true, onsubmit: onSave },
      h('div', { class: 'row' }, name.wrapper, id.wrapper),
      pool.element,
      h('div', { class: 'row' }, resource.wrapper, durations.wrapper),
      h('fieldset', {}, h('legend', { text: 'Scheduling' }),
        h('div', { class: 'row three' }, interval.wrapper, before.wrapper, after.wrapper, notice.wrapper, horizon.wrapper,
          perDay.wrapper, perWeek.wrapper)),
      h('fieldset', {}, h('legend', { text: 'Price' }),
        h('div', { class: 'row' }, amount.wrapper, currency.wrapper)),
      pay.element,
      reminders.element,
      h('fieldset', { id: 'type-abuse-limits' }, h('legend', { text: 'Public booking limits' }),
        h('p', { class: 'hint', text: 'What one customer may ask for. Beyond a hold limit the booking page answers "too many requests" until an earlier hold leaves the window.' }),
        h('div', { class: 'row' }, series.wrapper, holdsPerEmail.wrapper, holdsPerAddress.wrapper, holdWindow.wrapper)),
      details.element,
      error,
      h('div', { class: 'actions' }, save,
        h('button', { type: 'button', class: 'secondary', onclick: () => showList() }, 'Back to the list'),
        editing ? h('button', { type: 'button', class: 'danger', id: 'delete-type', onclick: onDelete }, 'Delete booking type') : null));
    clear(container, formHeading, form);
    focusHeading(formHeading);

    function intOf(f, errors, required) {
      const text = f.control.value.trim();
      if (!text) {
        if (required) {
          errors.push([f, 'Required.']);
        }
        return undefined;
      }
      if (!/^\d+$/.test(text)) {
        errors.push([f, 'Enter a whole number.']);
        return undefined;
      }
      const value = Number(text);
      if (value < Number(f.control.min) || value > Number(f.control.max)) {
        errors.push([f, `Between ${f.control.min} and ${f.control.max}.`]);
      }
      return value;
    }

    async function onSave(event) {
      event.preventDefault();
      clear(error);
      const errors = [];
      if (!name.control.value.trim()) {
        errors.push([name, 'Give the booking type a name.']);
      }
      const idValue = id.control.value.trim();
      if (!editing && idValue && !SLUG.test(idValue)) {
        errors.push([id, 'Use 2-63 lower-case letters, digits and dashes, starting with a letter or digit.']);
      }
      const lengths = durations.control.value.split(',').map((x) => x.trim()).filter(Boolean);
      if (lengths.length === 0 || lengths.some((x) => !/^\d+$/.test(x) || Number(x) < 5 || Number(x) > 1440)) {
        errors.push([durations, 'Lengths are whole minutes between 5 and 1440, like 30 or 30, 60.']);
      }
      const cur = currency.control.value.trim().toUpperCase();
      if (!/^[A-Z]{3}$/.test(cur)) {
        errors.push([currency, 'A three-letter currency code, like EUR.']);
      }
      const digits = fractionDigits(cur);
      const priceValue = amount.control.value.trim().replace(',', '.');
      if (!/^\d+(\.\d+)?$/.test(priceValue) || (priceValue.split('.')[1] || '').length > digits) {
        errors.push([amount, `A price like 25${digits > 0 ? `.${'0'.repeat(digits)}` : ''}.`]);
      }
      const body = {};
      if (editing) {
        Object.assign(body, t);
        delete body.id;
      }
      const booked = pool.read(errors);
      Object.assign(body, {
        resourceId: booked ? booked.resourceId : resource.control.value,
        pool: booked ? booked.pool : null,
        name: name.control.value.trim(),
        durationsMinutes: lengths.map(Number),
        bufferBeforeMinutes: intOf(before, errors, true),
        bufferAfterMinutes: intOf(after, errors, true),
        minimumNoticeMinutes: intOf(notice, errors, true),
        horizonDays: intOf(horizon, errors, true),
        maxPerDay: intOf(perDay, errors, true),
        maxPerWeek: intOf(perWeek, errors, true),
        price: { amountMinor: Math.round(Number(priceValue) * 10 ** digits), currency: cur },
        ...pay.read(errors, cur),
        remindersMinutes: reminders.read(errors),
        limits: {
          maxWeeklyOccurrences: intOf(series, errors, true),
          holdsPerEmail: intOf(holdsPerEmail, errors, true),
          holdsPerAddress: intOf(holdsPerAddress, errors, true),
          holdWindowMinutes: intOf(holdWindow, errors, true),
        },
      });
      const slotEvery = intOf(interval, errors, false);
      if (slotEvery === undefined) {
        delete body.slotIntervalMinutes;
      } else {
        body.slotIntervalMinutes = slotEvery;
      }
      Object.assign(body, details.read(errors));
      if (!reportErrors(allFields(), errors)) {
        return;
      }
      save.disabled = true;
      try {
        let saved;
        if (editing) {
          saved = await call('PUT', `/api/v1/booking-types/${enc(t.id)}`, body);
        } else {
          if (idValue) {
            body.id = idValue;
          }
          saved = await call('POST', '/api/v1/booking-types', body);
        }
        try {
          await pay.saveSettings(saved.id);
        } catch (e) {
          // The type is saved: open it again with the reason, so the settings can be corrected.
          await showForm(saved);
          clear(container.querySelector('#type-error'), errorBox(e, 'The booking type was saved; its payment settings were not'));
          return;
        }
        const href = `/book/${enc(session.me.providerId)}/${enc(saved.id)}`;
        showList(okBox(editing ? 'Booking type saved' : 'Booking type created',
          h('p', {}, `${saved.name}: customers book at `, h('a', { href, id: 'new-type-link' }, href))));
      } catch (e) {
        save.disabled = false;
        clear(error, errorBox(e, 'The booking type could not be saved'));
      }
    }

    async function onDelete() {
      clear(error, h('div', { class: 'alert alert-warn', role: 'alert' },
        h('p', { text: `Delete ${t.name}? Its booking page stops working; existing bookings stay.` }),
        h('div', { class: 'actions' },
          h('button', {
            type: 'button', class: 'danger', onclick: async () => {
              try {
                await call('DELETE', `/api/v1/booking-types/${enc(t.id)}`);
                showList(okBox('Booking type deleted', h('p', { text: t.name })));
              } catch (e) {
                clear(error, errorBox(e, 'The booking type could not be deleted'));
              }
            },
          }, 'Yes, delete'),
          h('button', { type: 'button', class: 'secondary', onclick: () => clear(error) }, 'Keep it'))));
    }
  }

  showList();
}
