// Resources and their availability: weekly hours (one or more windows a day), breaks, holidays and date overrides,
// as wall-clock times in the resource's zone, edited with the hours editor (dash-hours.js).

import { enc } from './api.js';
import {
  h, clear, errorBox, field, checkbox, reportErrors, focusHeading, okBox,
} from './dom.js';
import { call, session } from './dash-session.js';
import { PagedList } from './dash-list.js';
import { allZones, zoneLabel } from './time.js';
import { hoursText } from './hours-text.js';
import { DAYS, DAY_LABEL, hoursEditor } from './dash-hours.js';

const SLUG = /^[a-z0-9][a-z0-9-]{1,62}$/;

function hoursSummary(resource) {
  const weekly = (resource.availability && resource.availability.weeklyHours) || {};
  const open = DAYS.filter((d) => (weekly[d] || []).length > 0);
  if (open.length === 0) {
    return 'No opening hours yet';
  }
  return open.map((d) => `${DAY_LABEL[d].slice(0, 3)} ${hoursText(weekly[d])}`).join(' · ');
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
      h('span', { text: hoursSummary(r) }),
      h('a', { href: `#subscribe/${enc(r.id)}`, 'aria-label': `Subscribe to ${r.name} in calendar apps` }, 'Subscribe in calendar apps')),
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
    const hours = hoursEditor(availability);
    const error = h('div', { id: 'resource-error' });
    const save = h('button', { type: 'submit', id: 'save-resource' }, editing ? 'Save changes' : 'Create resource');

    const form = h('form', { id: 'resource-form', novalidate: true, onsubmit: onSave },
      h('div', { class: 'row' }, name.wrapper, id.wrapper),
      h('div', { class: 'row' }, zone.wrapper, h('div', { class: 'field' }, bookable.wrapper)),
      hours.element,
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
      const read = hours.read();
      if (!reportErrors([name, id, ...hours.fields()], [...errors, ...(read.errors || [])])) {
        return;
      }
      const body = {
        name: name.control.value.trim(),
        timeZone: zone.control.value,
        bookable: bookable.control.checked,
        availability: read.availability,
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
        showList(okBox(editing ? 'Resource saved' : 'Resource created', h('p', { text: `${saved.name} (${saved.id})` }),
          read.added.length ? h('p', { text: `Also added the date you had picked: ${read.added.join(', ')}.` }) : null));
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
