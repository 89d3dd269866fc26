// A searchable time-zone field (ADR 55): an editable combobox with a listbox popup (the WAI-ARIA combobox pattern).
// Each zone reads as its name in the page's language, its UTC offset and its current time ("Central European Time ·
// UTC+1 · 10:00 · Europe/Berlin"); the given zone and the common ones come first; typing filters on any of these.

import { t } from './i18n.js';
import { h, clear } from './dom.js';
import {
  allZones, formatTime, now, zoneLabel, zoneName, zoneOffset,
} from './time.js';

const COMMON = ['UTC', 'Europe/London', 'Europe/Berlin', 'Europe/Paris', 'America/New_York', 'America/Chicago',
  'America/Denver', 'America/Los_Angeles', 'America/Sao_Paulo', 'Asia/Kolkata', 'Asia/Shanghai', 'Asia/Tokyo',
  'Australia/Sydney'];
const MAX_SHOWN = 60;

/** Lower case, without accents, so 'sao' finds 'São Paulo'. */
function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export class ZonePicker {
  /**
   * @param {object} o
   * @param {string} o.id id of the input; the listbox is `${id}-list`, options `${id}-opt-N`
   * @param {string} o.value the zone shown first (the detected one)
   * @param {string[]} [o.extra] more zones to offer (the resource's)
   * @param {(zone: string) => void} o.onChange called when a zone is chosen
   */
  constructor(o) {
    this.id = o.id;
    this.onChange = o.onChange;
    this.zone = o.value;
    this.first = [o.value, ...COMMON];
    this.extra = o.extra || [];
    this.entries = null;
    this.shown = [];
    this.active = -1;
    this.input = h('input', {
      id: this.id, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${this.id}-list`,
      'aria-describedby': `${this.id}-hint`,
      // A clean field to type in; the chosen zone stays readable as the placeholder, and comes back on leaving.
      onfocus: () => { this.input.value = ''; },
      oninput: () => this.open(this.input.value),
      onkeydown: (e) => this.onKey(e),
      onblur: () => this.close(),
    });
    this.list = h('ul', {
      id: `${this.id}-list`, role: 'listbox', class: 'zone-list', hidden: true, 'aria-label': t('zone.list'),
      // Keep focus in the input while an option is clicked.
      onmousedown: (e) => e.preventDefault(),
    });
    this.count = h('p', { class: 'visually-hidden', role: 'status', id: `${this.id}-count` });
    this.wrapper = h('div', { class: 'field zone-field' },
      h('label', { for: this.id, text: t('zone.label') }),
      h('span', { class: 'hint', id: `${this.id}-hint`, text: t('zone.hint') }),
      h('div', { class: 'zone-box' }, this.input, this.list), this.count);
    this.setZone(o.value);
  }

  /** Shows a zone as chosen, without calling back. */
  setZone(zone) {
    this.zone = zone;
    this.input.value = this.label(zone);
    this.input.placeholder = this.label(zone);
    this.input.dataset.zone = zone;
  }

  label(zone) {
    const name = zoneName(zone);
    return name ? `${zoneLabel(zone)} · ${name}` : zoneLabel(zone);
  }

  /** Every zone with its search text, built on first use (a few hundred Intl names). */
  all() {
    if (!this.entries) {
      const ordered = [...new Set([...this.first, ...allZones(...this.extra)])];
      this.entries = ordered.map((zone) => {
        const name = zoneName(zone);
        const offset = zoneOffset(zone);
        return { zone, name, offset, search: fold(`${zone} ${zoneLabel(zone)} ${name} ${offset}`) };
      });
    }
    return this.entries;
  }

  open(query) {
    const words = fold(query || '').split(/\s+/).filter(Boolean);
    const all = this.all();
    const matches = words.length === 0 ? all : all.filter((e) => words.every((w) => e.search.includes(w)));
    this.shown = matches.slice(0, MAX_SHOWN);
    const at = new Date(now()).toISOString();
    clear(this.list, this.shown.map((e, i) => h('li', {
      id: `${this.id}-opt-${i}`, role: 'option', class: 'zone-option', 'data-zone': e.zone,
      'aria-selected': String(e.zone === this.zone),
      onclick: () => this.choose(e.zone),
    }, h('span', { class: 'zone-name', text: e.name || zoneLabel(e.zone) }),
    h('span', { class: 'zone-meta', text: `${e.offset} · ${formatTime(at, e.zone)} · ${zoneLabel(e.zone)}` }))));
    if (this.shown.length === 0) {
      this.list.append(h('li', {
        role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false', class: 'zone-none',
        text: t('zone.none'),
      }));
    }
    this.count.textContent = matches.length > MAX_SHOWN
      ? `${matches.length} time zones match; the first ${MAX_SHOWN} are shown.` : `${matches.length} time zones match.`;
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.highlight(this.shown.length > 0 && words.length > 0 ? 0 : -1);
  }

  /** Closes the list; the input shows the chosen zone again (typing alone never changes it). */
  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
    this.input.value = this.label(this.zone);
  }

  highlight(index) {
    this.active = index;
    this.list.querySelectorAll('[role=option]').forEach((li, i) => li.classList.toggle('active', i === index));
    if (index >= 0) {
      const li = this.list.children[index];
      this.input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  choose(zone) {
    const changed = zone !== this.zone;
    this.setZone(zone);
    this.close();
    if (changed) {
      this.onChange(zone);
    }
  }

  onKey(event) {
    const expanded = !this.list.hidden;
    const last = this.shown.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        this.open('');
        this.highlight(Math.max(0, this.shown.findIndex((e) => e.zone === this.zone)));
      } else if (!event.altKey) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.highlight(Math.min(last, Math.max(0, this.active + step)));
      }
    } else if (event.key === 'Enter' && expanded) {
      event.preventDefault();
      if (this.active >= 0) {
        this.choose(this.shown[this.active].zone);
      }
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      this.close();
    }
  }
}
