// The public booking page, /book/{provider}/{bookingType}: pick a free time in your own zone, give name and e-mail,
// book. A 409 (someone else was faster) shows the nearest free times instead; any other failure shows its detail.

import { LANG, t } from './i18n.js';
import { api, ApiError, enc } from './api.js';
import {
  h, clear, errorBox, field, reportErrors, focusHeading,
} from './dom.js';
import {
  detectedZone, formatDateTime, formatDay, formatShortDateTime, formatTime, zoneLabel,
} from './time.js';
import { SlotPicker } from './slot-picker.js';
import { typeQuestions } from './type-questions.js';
import './embedded.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const main = document.getElementById('main');
const app = document.getElementById('app');
const data = main.dataset;
const durations = (data.durations || '').split(',').filter(Boolean).map(Number);

let chosen = null;
let chosenZone = null;
let chosenDuration = durations[0] || null;

const pickerBox = h('div', { id: 'picker' });
const chooseSection = h('section', { 'aria-labelledby': 'choose-heading' },
  h('h2', { id: 'choose-heading', class: 'visually-hidden', text: t('book.choose') }), pickerBox);

const nameField = field({
  id: 'name', label: t('book.name'), attrs: { autocomplete: 'name', maxlength: '200', required: true },
});
const emailField = field({
  id: 'email', label: t('book.email'), type: 'email',
  hint: t('book.email.hint'),
  attrs: { autocomplete: 'email', maxlength: '254', required: true, inputmode: 'email' },
});
// A pool that lets the customer choose (ADR 43): "any free one" or a member by name; hidden for every other type.
const memberField = field({
  id: 'member', label: t('book.member'), kind: 'select', hint: t('book.member.hint'),
  options: [{ value: '', text: t('book.member.any') }],
});
memberField.wrapper.hidden = true;
// The type's questions (ADR 49), filled in once the offer is read.
const questionsBox = h('div', { id: 'questions' });
let questions = typeQuestions([]);
api('GET', `/api/v1/public/booking-types/${enc(data.bookingType)}`).then((offer) => {
  if (offer.pool && offer.pool.customerMayPick) {
    offer.pool.members.forEach((m) => memberField.control.append(h('option', { value: m.id, text: m.name })));
    memberField.wrapper.hidden = false;
  }
  questions = typeQuestions(offer.questions);
  clear(questionsBox, questions.box);
}).catch(() => {});
const summary = h('p', { id: 'chosen-time', class: 'chosen' });
const conflict = h('div', { id: 'conflict' });
const formError = h('div', { id: 'form-error' });
const submit = h('button', { type: 'submit', id: 'book-button' }, t('book.submit'));
const form = h('form', { id: 'booking-form', novalidate: true, onsubmit: onSubmit },
  summary, memberField.wrapper, nameField.wrapper, emailField.wrapper, questionsBox, formError,
  h('div', { class: 'actions stack' }, submit));
const detailsHeading = h('h2', { id: 'details-heading', text: t('book.details') });
const formSection = h('section', { id: 'details', 'aria-labelledby': 'details-heading', hidden: true },
  detailsHeading, form);

const picker = new SlotPicker({
  container: pickerBox,
  typeId: data.bookingType,
  zone: detectedZone(),
  fallbackZone: data.resourceZone,
  durations,
  horizonDays: Number(data.horizonDays),
  idPrefix: 'picker',
  onEmptyDay: waitlistForm,
  onSelect: (slot, zone, duration, byUser) => {
    chosen = slot;
    chosenZone = zone;
    chosenDuration = duration;
    if (!slot) {
      formSection.hidden = true;
      return;
    }
    summary.textContent = `${formatDateTime(slot.start, zone)} (${zoneLabel(zone)})`;
    submit.textContent = t('book.submitAt', { time: formatTime(slot.start, zone) });
    formSection.hidden = false;
    if (byUser) {
      // On a phone the form is below the fold: take the visitor (and the focus) to it.
      focusHeading(detailsHeading);
    }
  },
});

if (data.closed) {
  // Paid online on a hub that takes no card payments: say so instead of offering times that cannot be booked.
  clear(app, h('div', { class: 'alert alert-warn', role: 'status', id: 'not-bookable' }, h('p', { text: data.closed })));
} else {
  clear(app, conflict, chooseSection, formSection);
  picker.start();
}

async function onSubmit(event) {
  event.preventDefault();
  clear(formError);
  const name = nameField.control.value.trim();
  const email = emailField.control.value.trim();
  const errors = [];
  if (!name) {
    errors.push([nameField, t('book.name.missing')]);
  }
  if (!email) {
    errors.push([emailField, t('book.email.missing')]);
  } else if (!EMAIL.test(email)) {
    errors.push([emailField, t('book.email.bad')]);
  }
  errors.push(...questions.errors());
  if (!reportErrors([nameField, emailField, ...questions.fields], errors)) {
    return;
  }
  if (!chosen) {
    clear(formError, errorBox(new Error(t('book.noTime')), t('book.noTime.heading')));
    return;
  }
  submit.disabled = true;
  const body = {
    start: chosen.start, timeZone: chosenZone, name, email, answers: questions.answers(), language: LANG,
  };
  if (chosenDuration && durations.length > 1) {
    body.durationMinutes = chosenDuration;
  }
  if (memberField.control.value) {
    body.resourceId = memberField.control.value;
  }
  try {
    const receipt = await api('POST', `/api/v1/public/booking-types/${enc(data.bookingType)}/bookings`, body);
    window.location.assign(`/booked/${enc(receipt.manageToken)}`);
  } catch (e) {
    submit.disabled = false;
    if (e instanceof ApiError && e.status === 409) {
      showConflict(e);
    } else {
      clear(formError, errorBox(e, t('book.failed')));
    }
  }
}

function showConflict(error) {
  const taken = chosen;
  const zone = chosenZone;
  const alternatives = error.alternatives;
  const heading = h('h2', { id: 'conflict-heading', text: t('book.taken') });
  clear(conflict, h('div', { class: 'alert alert-warn', role: 'alert', 'aria-labelledby': 'conflict-heading' },
    heading,
    h('p', { text: t('book.taken.detail', { time: formatDateTime(taken.start, zone) }) }),
    alternatives.length > 0
      ? [h('p', { text: t('book.taken.nearby') }),
        h('ul', { class: 'alternatives', id: 'alternatives' }, alternatives.map((slot) => h('li', {},
          h('button', {
            type: 'button',
            class: 'secondary',
            'data-start': slot.start,
            onclick: async () => {
              clear(conflict);
              await picker.choose(slot.start);
              submit.focus();
            },
          }, h('time', { datetime: slot.start, text: formatShortDateTime(slot.start, zone) })))))]
      : h('p', { text: t('book.taken.other') })));
  focusHeading(heading);
  picker.refreshDay();
}

/** Under a day without free time: join the waitlist for that day (in the zone the visitor looks at it in). */
function waitlistForm(date, zone) {
  const box = h('section', { id: 'waitlist', class: 'stack', 'aria-labelledby': 'waitlist-heading' });
  const wlName = field({ id: 'waitlist-name', label: t('book.name'), attrs: { autocomplete: 'name', maxlength: '200' } });
  const wlEmail = field({
    id: 'waitlist-email', label: t('book.email'), type: 'email',
    hint: t('waitlist.hint'),
    attrs: { autocomplete: 'email', maxlength: '254', inputmode: 'email' },
  });
  const result = h('div', { id: 'waitlist-result' });
  const join = h('button', { type: 'submit', id: 'waitlist-button', class: 'secondary' }, t('waitlist.join'));
  async function onJoin(event) {
    event.preventDefault();
    clear(result);
    const name = wlName.control.value.trim();
    const email = wlEmail.control.value.trim();
    const errors = [];
    if (!name) {
      errors.push([wlName, t('book.name.missing')]);
    }
    if (!EMAIL.test(email)) {
      errors.push([wlEmail, t('waitlist.email.bad')]);
    }
    if (!reportErrors([wlName, wlEmail], errors)) {
      return;
    }
    join.disabled = true;
    try {
      await api('POST', `/api/v1/public/booking-types/${enc(data.bookingType)}/waitlist`,
        { date, timeZone: zone, name, email, language: LANG });
      clear(box, h('div', { class: 'alert alert-ok', role: 'status', id: 'waitlist-joined' },
        h('p', { text: t('waitlist.joined', { day: formatDay(date), email }) })));
    } catch (e) {
      join.disabled = false;
      // A 409 here means the opposite of a taken time: times matching the wish are free now.
      const freeNow = e instanceof ApiError && e.type === 'slot-unavailable';
      clear(result, errorBox(freeNow ? new Error(t('waitlist.freeNow')) : e, t('waitlist.failed')));
    }
  }
  return clear(box,
    h('h3', { id: 'waitlist-heading', text: t('waitlist.heading') }),
    h('form', { id: 'waitlist-form', novalidate: true, onsubmit: onJoin },
      wlName.wrapper, wlEmail.wrapper, result, h('div', { class: 'actions' }, join)));
}
