// What a booking type tells and asks its customers (ADR 49), a part of the booking-type form: a plain-text
// description, where it happens (an address, a phone number or a video link) and up to ten questions (text, a choice
// among options, or a phone number; required or not). Questions keep their ids while they are edited, so answers
// already given still name them.

import { h, field, checkbox } from './dom.js';

export const MAX_QUESTIONS = 10;
const KINDS = [{ value: 'TEXT', text: 'Text' }, { value: 'CHOICE', text: 'Choice' }, { value: 'PHONE', text: 'Phone number' }];
const LOCATION_HINTS = {
  '': 'Customers see the resource only.',
  ADDRESS: 'A street address, on one line.',
  PHONE: 'The number customers call, like +49 30 1234567.',
  VIDEO: 'An https:// link, like https://meet.example.com/your-room.',
};

let rowCount = 0;

/** One question's fields; `read(errors)` gives the question or notes what is wrong. */
function questionRow(question, onRemove) {
  rowCount += 1;
  const n = rowCount;
  const q = question || { kind: 'TEXT', label: '', required: false, options: [] };
  const label = field({ id: `question-label-${n}`, label: 'Question', value: q.label, attrs: { maxlength: '200' } });
  const kind = field({ id: `question-kind-${n}`, label: 'Answer', kind: 'select', value: q.kind, options: KINDS });
  const options = field({
    id: `question-options-${n}`, label: 'Options, one per line', kind: 'textarea', value: (q.options || []).join('\n'),
    attrs: { rows: '3' },
  });
  const required = checkbox({ id: `question-required-${n}`, label: 'Required', checked: q.required });
  const sync = () => { options.wrapper.hidden = kind.control.value !== 'CHOICE'; };
  kind.control.addEventListener('change', sync);
  sync();
  const remove = h('button', { type: 'button', class: 'secondary', onclick: () => onRemove(row) }, 'Remove');
  const name = () => remove.setAttribute('aria-label', `Remove the question ${label.control.value.trim() || n}`);
  label.control.addEventListener('input', name);
  name();
  const element = h('li', { class: 'question-row stack', 'data-question-id': q.id || '' },
    h('div', { class: 'row' }, label.wrapper, kind.wrapper), options.wrapper,
    h('div', { class: 'actions' }, required.wrapper, remove));
  const row = {
    element,
    label,
    fields: [label, options],
    read(errors) {
      const text = label.control.value.trim();
      if (!text) {
        errors.push([label, 'Write the question, or remove it.']);
      }
      const picked = { kind: kind.control.value, label: text, required: required.control.checked };
      if (q.id) {
        picked.id = q.id;
      }
      if (picked.kind === 'CHOICE') {
        picked.options = options.control.value.split('\n').map((o) => o.trim()).filter(Boolean);
        if (picked.options.length < 2 || picked.options.length > 20 || new Set(picked.options).size !== picked.options.length) {
          errors.push([options, 'Give 2 to 20 different options, one per line.']);
        }
      }
      return picked;
    },
  };
  return row;
}

/** The fieldset, its fields (for dom.js's reportErrors) and read(errors): {description, location, questions}. */
export function detailsFields(type) {
  const description = field({
    id: 'type-description', label: 'Description', kind: 'textarea', value: type.description || '',
    hint: 'Shown on the booking page as plain text.', attrs: { maxlength: '2000', rows: '3' },
  });
  const where = type.location || { kind: '', value: '' };
  const locationKind = field({
    id: 'type-location-kind', label: 'Location', kind: 'select', value: where.kind,
    options: [{ value: '', text: 'None' }, { value: 'ADDRESS', text: 'Address' }, { value: 'PHONE', text: 'Phone' },
      { value: 'VIDEO', text: 'Video link' }],
  });
  const locationValue = field({
    id: 'type-location-value', label: 'Address, number or link', value: where.value,
    hint: LOCATION_HINTS[where.kind], attrs: { maxlength: '500' },
  });
  const syncLocation = () => {
    locationValue.wrapper.hidden = !locationKind.control.value;
    locationValue.wrapper.querySelector('.hint').textContent = LOCATION_HINTS[locationKind.control.value];
  };
  locationKind.control.addEventListener('change', syncLocation);
  syncLocation();

  const rows = [];
  const list = h('ol', { id: 'type-questions', class: 'question-list' });
  const add = h('button', { type: 'button', class: 'secondary', id: 'add-question' }, 'Add a question');
  const syncAdd = () => { add.disabled = rows.length >= MAX_QUESTIONS; };
  const remove = (row) => {
    rows.splice(rows.indexOf(row), 1);
    row.element.remove();
    syncAdd();
    add.focus();
  };
  const append = (question) => {
    const row = questionRow(question, remove);
    rows.push(row);
    list.append(row.element);
    syncAdd();
    return row;
  };
  (type.questions || []).forEach(append);
  add.addEventListener('click', () => append(null).label.control.focus());
  syncAdd();

  const element = h('fieldset', { id: 'type-details' }, h('legend', { text: 'Description, location and questions' }),
    description.wrapper, h('div', { class: 'row' }, locationKind.wrapper, locationValue.wrapper),
    h('p', { class: 'hint', text: `Questions customers answer when they book (at most ${MAX_QUESTIONS}).` }),
    list, h('div', { class: 'actions' }, add));

  return {
    element,
    get fields() {
      return [description, locationValue, ...rows.flatMap((r) => r.fields)];
    },
    read(errors) {
      const kind = locationKind.control.value;
      const value = locationValue.control.value.trim();
      if (kind && !value) {
        errors.push([locationValue, 'Fill in the location, or choose None.']);
      } else if (kind === 'VIDEO' && !/^https:\/\/[^\s/]+/i.test(value)) {
        errors.push([locationValue, 'A video link starts with https://']);
      }
      return {
        description: description.control.value.trim(),
        location: kind ? { kind, value } : null,
        questions: rows.map((r) => r.read(errors)),
      };
    },
  };
}
