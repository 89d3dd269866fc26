// Reminder leads of a booking type (remindersMinutes): how long before the start the customer gets a reminder mail,
// as rows of a number and a unit (minutes, hours, days), at most 5, each from 5 minutes to 30 days, no two the same.

import { h } from './dom.js';

export const MAX_REMINDERS = 5;
const MIN_MINUTES = 5;
const MAX_MINUTES = 43200;
const DEFAULT_LEADS = [1440, 60];
const UNITS = [{ value: 1440, text: 'days' }, { value: 60, text: 'hours' }, { value: 1, text: 'minutes' }];

/** The largest unit that expresses `minutes` exactly: 1440 → [1, 1440] (1 day), 90 → [90, 1]. */
function inUnits(minutes) {
  const unit = UNITS.find((u) => minutes % u.value === 0);
  return [minutes / unit.value, unit.value];
}

/** The fieldset and a reader: read(errors) gives the leads in minutes, longest first, or notes errors. */
export function reminderFields(type) {
  const list = h('ul', { id: 'reminder-rows', class: 'reminder-rows' });
  const error = h('p', { id: 'reminder-error', class: 'field-error', hidden: true });
  const none = h('p', { id: 'reminders-none', class: 'empty', text: 'No reminders: only the confirmation is sent.' });
  const add = h('button', { type: 'button', class: 'secondary', id: 'add-reminder', onclick: () => addRow(null) }, 'Add a reminder');
  let next = 0;

  function sync() {
    add.disabled = list.children.length >= MAX_REMINDERS;
    none.hidden = list.children.length > 0;
  }

  function addRow(minutes) {
    next += 1;
    const n = next;
    const [amount, unit] = minutes === null ? [1, 60] : inUnits(minutes);
    const number = h('input', {
      id: `reminder-${n}`, type: 'number', value: String(amount), min: '1', max: String(MAX_MINUTES), step: '1',
      inputmode: 'numeric', 'aria-label': `Reminder ${n}: how long before the start`,
    });
    const select = h('select', { id: `reminder-${n}-unit`, 'aria-label': `Reminder ${n}: unit` },
      UNITS.map((u) => h('option', { value: String(u.value), text: u.text })));
    select.value = String(unit);
    const row = h('li', { class: 'reminder-row' }, number, select, h('span', { text: 'before the start' }),
      h('button', {
        type: 'button', class: 'secondary', 'aria-label': `Remove reminder ${n}`,
        onclick: () => { row.remove(); sync(); add.focus(); },
      }, 'Remove'));
    number.addEventListener('input', () => {
      error.hidden = true;
      number.removeAttribute('aria-invalid');
    });
    list.append(row);
    sync();
    if (minutes === null) {
      number.focus();
    }
  }

  (type.remindersMinutes || DEFAULT_LEADS).forEach(addRow);
  sync();
  const element = h('fieldset', { id: 'type-reminders' }, h('legend', { text: 'Reminders' }),
    h('p', { class: 'hint', text: `Mails to the customer before the start: up to ${MAX_REMINDERS}, each from 5 minutes to 30 days ahead.` }),
    none, list, error, h('div', { class: 'actions' }, add));

  function read(errors) {
    error.hidden = true;
    const leads = [];
    for (const row of list.children) {
      const number = row.querySelector('input');
      const text = number.value.trim();
      const minutes = Number(text) * Number(row.querySelector('select').value);
      if (!/^\d+$/.test(text) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
        errors.push([{ control: number, error }, 'Each reminder is from 5 minutes to 30 days before the start.']);
        return [];
      }
      if (leads.includes(minutes)) {
        errors.push([{ control: number, error }, 'Two reminders at the same time: remove one.']);
        return [];
      }
      leads.push(minutes);
    }
    return leads.sort((a, b) => b - a);
  }

  return { element, read };
}
