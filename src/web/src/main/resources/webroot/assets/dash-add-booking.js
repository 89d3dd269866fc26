// "Add booking" on the agenda: a booking taken for a customer (by phone), through POST /api/v1/bookings, the same
// guarded path as the booking page; the customer gets the usual mails.

import {
  h, clear, errorBox, field, reportErrors,
} from './dom.js';
import { call } from './dash-session.js';
import { openDialog, closeDialog } from './dash-dialog.js';
import { showFreeSlots } from './dash-slots.js';
import { allZones, formatDateTime } from './time.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function openAddBooking({ types, zone, date, returnTo, onChanged }) {
  const dialog = openDialog({ id: 'add-panel', title: 'Add booking', returnTo });
  if (types.length === 0) {
    dialog.set(h('p', { class: 'empty', text: 'There is no booking type yet: add one under Booking types.' }));
    return;
  }
  const typeField = field({
    id: 'add-type', label: 'Booking type', kind: 'select', options: types.map((t) => ({ value: t.id, text: t.name })),
  });
  const dateField = field({ id: 'add-date', label: 'Day', type: 'date', value: date });
  const list = h('ul', { class: 'slot-list', id: 'add-slots', 'aria-label': 'Free times' });
  const slotError = h('p', { id: 'add-slot-error', class: 'field-error', hidden: true });
  const nameField = field({ id: 'add-name', label: 'Customer name', attrs: { autocomplete: 'off', maxlength: '200' } });
  const emailField = field({
    id: 'add-email', label: 'Customer e-mail', type: 'email', hint: 'The confirmation goes here.',
    attrs: { autocomplete: 'off', maxlength: '254' },
  });
  const zoneField = field({
    id: 'add-zone', label: 'Customer’s time zone', kind: 'select',
    options: allZones(zone).map((z) => ({ value: z, text: z })), value: zone,
  });
  const status = h('div', { id: 'add-status', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', id: 'add-submit' }, 'Book');
  let picked = null;

  const load = () => {
    picked = null;
    return showFreeSlots({
      list, typeId: typeField.control.value, date: dateField.control.value, zone,
      onPick: (slot) => {
        picked = slot;
        slotError.hidden = true;
      },
    });
  };
  typeField.control.addEventListener('change', load);
  dateField.control.addEventListener('change', load);

  const form = h('form', {
    id: 'add-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const name = nameField.control.value.trim();
      const email = emailField.control.value.trim();
      const errors = [];
      if (!name) {
        errors.push([nameField, 'Enter the customer’s name.']);
      }
      if (!EMAIL.test(email)) {
        errors.push([emailField, 'Enter the customer’s e-mail address.']);
      }
      slotError.hidden = picked !== null;
      slotError.textContent = picked ? '' : 'Pick a free time.';
      if (!reportErrors([nameField, emailField], errors) || !picked) {
        return;
      }
      submit.disabled = true;
      clear(status);
      try {
        await call('POST', '/api/v1/bookings', {
          bookingTypeId: typeField.control.value, start: picked.start, timeZone: zoneField.control.value, name, email,
        });
        closeDialog();
        await onChanged(`Booked ${name} for ${formatDateTime(picked.start, zone)}. The confirmation is on its way.`);
      } catch (e) {
        submit.disabled = false;
        clear(status, errorBox(e, 'The booking could not be made'));
        if (e.status === 409) {
          load();
        }
      }
    },
  },
  typeField.wrapper, dateField.wrapper,
  h('fieldset', {}, h('legend', { text: 'Free times' }), list, slotError),
  nameField.wrapper, emailField.wrapper, zoneField.wrapper, status,
  h('div', { class: 'actions' }, submit));
  dialog.set(form);
  load();
}
