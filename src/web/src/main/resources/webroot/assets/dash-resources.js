// Resources and their availability: weekly hours (one or more windows a day), breaks and holidays, as wall-clock
// times in the resource's zone. Date overrides set through the API are kept as they are.

import { enc } from './api.js';
import {
  h, clear, errorBox, field, checkbox, reportErrors, focusHeading, okBox,
} from './dom.js';
import { call, session } from './dash-session.js';
import { PagedList } from './dash-list.js';
import { allZones, zoneLabel } from './time.js';

export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const DAY_LABEL = {
  monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday',
  saturday: 'Saturday', sunday: 'Sunday',
};
const WINDOW = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

export function windowsText(windows) {
  return (windows || []).map((w) => `${w.start}-${w.end}`).join(', ');
}

/** '09:00-12:00, 13:00-17:00' as windows, or an error message. */
export function parseWindows(text) {
  const parts = text.split(',').map((p) => p.replace(/\s+/g, '')).filter(Boolean);
  const windows = [];
  for (const part of parts) {
    if (!WINDOW.test(part)) {
      return { error: `"${part}" is not a time range like 09:00-17:00.` };
    }
    const [start, end] = part.split('-');
    if (end !== '24:00' && end <= start) {
      return { error: `In "${part}" the end must be after the start.` };
    }
    windows.push({ start, end });
  }
  return { windows };
}

function hoursSummary(resource) {
  const weekly = (resource.availability && resource.availability.weeklyHours) || {};
  const open = DAYS.filter((d) => (weekly[d] || []).length > 0);
  if (open.length === 0) {
    return 'No opening hours yet';
  }
  return open.map((d) => `${DAY_LABEL[d].slice(0, 3)} ${windowsText(weekly[d])}`).join(' · ');
}

export function resourcesView(container) {
  const heading = h('h1', { id: 'page-title', text: 'Resources' });
  const message = h('div', { id: 'resources-message' });
  const list = new PagedList({
    path: '/api/v1/resources',
    id: 'resource-list',
    empty: 'No resources yet. Create one to start taking bookings.',
    renderItem: (r) => h('li', { class: 'item', 'data-resource-id': r.id },
      h('div', { class: 'item-head' },
        h('span', { class: 'item-title', text: r.name }),
        h('button', { type: 'button', class: 'secondary', 'aria-label': `Edit ${r.name}`, onclick: () => showForm(r) }, 'Edit')),
      h('span', { class: 'muted', text: `${r.id} · ${zoneLabel(r.timeZone)}${r.bookable ? '' : ' · not bookable'}` }),
      h('span', { text: hoursSummary(r) })),
  });

  function showList(notice) {
    clear(container, heading, message,
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'new-resource', onclick: () => showForm(null) }, 'New resource')),
      list.element);
    clear(message, notice || null);
    list.reload();
  }

  function showForm(resource) {
    const editing = Boolean(resource);
    const availability = (resource && resource.availability) || {};
    const weekly = availability.weeklyHours || {};
    let holidays = [...(availability.holidays || [])].sort();

    const formHeading = h('h1', { id: 'page-title', text: editing ? `Edit ${resource.name}` : 'New resource' });
    const name = field({ id: 'resource-name', label: 'Name', value: resource ? resource.name : '', attrs: { maxlength: '200', required: true } });
    const id = field({
      id: 'resource-id', label: 'Short id', value: resource ? resource.id : '',
      hint: editing ? 'The id cannot be changed.' : 'Lower-case letters, digits and dashes; leave empty for a generated one.',
      attrs: { maxlength: '63', readonly: editing, autocapitalize: 'none', spellcheck: 'false' },
    });
    const zone = field({
      id: 'resource-zone', label: 'Time zone', kind: 'select',
      options: allZones(session.me.timeZone).map((z) => ({ value: z, text: zoneLabel(z) })),
      value: resource ? resource.timeZone : session.me.timeZone,
      hint: 'Opening hours are wall-clock times in this zone.',
    });
    const bookable = checkbox({ id: 'resource-bookable', label: 'Bookable', checked: resource ? resource.bookable : true });
    const dayFields = DAYS.map((d) => field({
      id: `hours-${d}`, label: DAY_LABEL[d], value: windowsText(weekly[d]),
      attrs: { placeholder: 'closed', autocapitalize: 'none', spellcheck: 'false' },
    }));
    const breaks = field({
      id: 'resource-breaks', label: 'Breaks (every open day)', value: windowsText(availability.breaks),
      hint: 'For example 12:00-13:00. Leave empty for none.', attrs: { autocapitalize: 'none', spellcheck: 'false' },
    });
    const holidayInput = field({ id: 'holiday-date', label: 'Add a holiday (closed all day)', type: 'date' });
    const holidayList = h('ul', { class: 'item-list', id: 'holiday-list' });
    const renderHolidays = () => clear(holidayList, holidays.length === 0
      ? h('li', { class: 'empty', text: 'No holidays.' })
      : holidays.map((d) => h('li', { class: 'item-head' }, h('span', { text: d }),
        h('button', {
          type: 'button', class: 'link', 'aria-label': `Remove holiday ${d}`,
          onclick: () => { holidays = holidays.filter((x) => x !== d); renderHolidays(); },
        }, 'Remove'))));
    renderHolidays();
    const addHoliday = h('button', {
      type: 'button', class: 'secondary', id: 'add-holiday', onclick: () => {
        const d = holidayInput.control.value;
        if (/^\d{4}-\d{2}-\d{2}$/.test(d) && !holidays.includes(d)) {
          holidays = [...holidays, d].sort();
          renderHolidays();
          holidayInput.control.value = '';
        }
      },
    }, 'Add holiday');
    const error = h('div', { id: 'resource-error' });
    const save = h('button', { type: 'submit', id: 'save-resource' }, editing ? 'Save changes' : 'Create resource');

    const form = h('form', { id: 'resource-form', novalidate: true, onsubmit: onSave },
      h('div', { class: 'row' }, name.wrapper, id.wrapper),
      h('div', { class: 'row' }, zone.wrapper, h('div', { class: 'field' }, bookable.wrapper)),
      h('fieldset', {},
        h('legend', { text: 'Weekly hours' }),
        h('p', { class: 'hint', id: 'hours-hint', text: 'Time ranges like 09:00-17:00, several separated by commas; empty means closed.' }),
        h('div', { class: 'hours-grid' }, dayFields.map((f) => f.wrapper)),
        breaks.wrapper),
      h('fieldset', {},
        h('legend', { text: 'Holidays' }),
        h('div', { class: 'day-nav' }, holidayInput.wrapper, addHoliday),
        holidayList),
      error,
      h('div', { class: 'actions' },
        save,
        h('button', { type: 'button', class: 'secondary', onclick: () => showList() }, 'Back to the list'),
        editing ? h('button', { type: 'button', class: 'danger', id: 'delete-resource', onclick: onDelete }, 'Delete resource') : null));
    clear(container, formHeading, form);
    focusHeading(formHeading);

    async function onSave(event) {
      event.preventDefault();
      clear(error);
      const errors = [];
      if (!name.control.value.trim()) {
        errors.push([name, 'Give the resource a name.']);
      }
      const idValue = id.control.value.trim();
      if (!editing && idValue && !SLUG.test(idValue)) {
        errors.push([id, 'Use 2-63 lower-case letters, digits and dashes, starting with a letter or digit.']);
      }
      const weeklyHours = {};
      dayFields.forEach((f, i) => {
        const parsed = parseWindows(f.control.value);
        if (parsed.error) {
          errors.push([f, parsed.error]);
        } else {
          weeklyHours[DAYS[i]] = parsed.windows;
        }
      });
      const parsedBreaks = parseWindows(breaks.control.value);
      if (parsedBreaks.error) {
        errors.push([breaks, parsedBreaks.error]);
      }
      if (!reportErrors([name, id, ...dayFields, breaks], errors)) {
        return;
      }
      const body = {
        name: name.control.value.trim(),
        timeZone: zone.control.value,
        bookable: bookable.control.checked,
        availability: {
          weeklyHours,
          breaks: parsedBreaks.windows,
          dateOverrides: availability.dateOverrides || {},
          holidays,
        },
      };
      save.disabled = true;
      try {
        let saved;
        if (editing) {
          saved = await call('PUT', `/api/v1/resources/${enc(resource.id)}`, body);
        } else {
          if (idValue) {
            body.id = idValue;
          }
          saved = await call('POST', '/api/v1/resources', body);
        }
        showList(okBox(editing ? 'Resource saved' : 'Resource created', h('p', { text: `${saved.name} (${saved.id})` })));
      } catch (e) {
        save.disabled = false;
        clear(error, errorBox(e, 'The resource could not be saved'));
      }
    }

    async function onDelete() {
      clear(error, h('div', { class: 'alert alert-warn', role: 'alert' },
        h('p', { text: `Delete ${resource.name}? Its booking types stop taking bookings.` }),
        h('div', { class: 'actions' },
          h('button', {
            type: 'button', class: 'danger', id: 'confirm-delete-resource', onclick: async () => {
              try {
                await call('DELETE', `/api/v1/resources/${enc(resource.id)}`);
                showList(okBox('Resource deleted', h('p', { text: resource.name })));
              } catch (e) {
                clear(error, errorBox(e, 'The resource could not be deleted'));
              }
            },
          }, 'Yes, delete'),
          h('button', { type: 'button', class: 'secondary', onclick: () => clear(error) }, 'Keep it'))));
    }
  }

  showList();
}
