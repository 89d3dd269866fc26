// The slot picker of the booking and manage pages: a time zone selector, a date picker and the free slots of one day,
// shown in the chosen zone. It opens on the first day with free time. Slots come from
// GET /api/v1/public/booking-types/{id}/slots for a window of days in the viewer's zone.

import { api, ApiError, enc } from './api.js';
import { h, clear, errorBox, field } from './dom.js';
import {
  addDays, allZones, formatDay, formatTime, localDate, minutesText, today, zoneLabel,
} from './time.js';

const WINDOW_DAYS = 28;

export class SlotPicker {
  /**
   * @param {object} o
   * @param {HTMLElement} o.container where to render
   * @param {string} o.typeId booking type id
   * @param {string} o.zone initial time zone (the visitor's)
   * @param {string} o.fallbackZone zone to use if the server does not know the visitor's
   * @param {number[]} o.durations the type's lengths in minutes (first = default)
   * @param {number} o.horizonDays how far ahead one may book
   * @param {(slot: object|null, zone: string) => void} o.onSelect called when a slot is chosen (null: unchosen)
   * @param {string} [o.idPrefix] prefix for element ids, to keep them unique on a page
   * @param {(date: string, zone: string) => HTMLElement} [o.onEmptyDay] extra content under a day without free time
   *   (the booking page's waitlist form)
   */
  constructor(o) {
    Object.assign(this, o);
    this.idPrefix = o.idPrefix || 'picker';
    this.duration = (o.durations && o.durations[0]) || null;
    this.slotsByDate = new Map();
    this.windowFrom = null;
    this.windowTo = null;
    this.date = null;
    this.selected = null;
    this.buildControls();
  }

  id(name) {
    return `${this.idPrefix}-${name}`;
  }

  buildControls() {
    const zones = allZones(this.zone, this.fallbackZone);
    this.zoneField = field({
      id: this.id('tz'), label: 'Time zone', kind: 'select',
      options: zones.map((z) => ({ value: z, text: zoneLabel(z) })), value: this.zone,
    });
    this.zoneField.control.addEventListener('change', () => this.setZone(this.zoneField.control.value));

    let durationField = null;
    if (this.durations && this.durations.length > 1) {
      durationField = field({
        id: this.id('duration'), label: 'Length', kind: 'select',
        options: this.durations.map((m) => ({ value: String(m), text: minutesText(m) })), value: String(this.duration),
      });
      durationField.control.addEventListener('change', () => {
        this.duration = Number(durationField.control.value);
        this.reload(this.date);
      });
    }

    this.dateField = field({ id: this.id('date'), label: 'Date', type: 'date' });
    this.dateField.control.addEventListener('change', () => {
      const value = this.dateField.control.value;
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        this.showDate(value);
      }
    });
    this.prev = h('button', {
      type: 'button', class: 'secondary', id: this.id('prev'), 'aria-label': 'Previous day',
      onclick: () => this.showDate(addDays(this.date, -1)),
    }, '‹');
    this.next = h('button', {
      type: 'button', class: 'secondary', id: this.id('next'), 'aria-label': 'Next day',
      onclick: () => this.showDate(addDays(this.date, 1)),
    }, '›');

    this.heading = h('h2', { class: 'day-heading', id: this.id('day-heading') });
    this.zoneLine = h('p', { class: 'zone-line', id: this.id('zone-line') });
    this.note = h('p', { class: 'alert alert-warn', id: this.id('note'), hidden: true });
    this.list = h('ul', { class: 'slot-list', id: this.id('slots'), 'aria-labelledby': this.id('day-heading') });
    this.status = h('div', { id: this.id('status') });

    clear(this.container,
      h('div', { class: 'picker-controls' }, this.zoneField.wrapper, durationField && durationField.wrapper),
      h('div', { class: 'day-nav' }, this.prev, this.dateField.wrapper, this.next),
      this.heading, this.zoneLine, this.note, this.status, this.list);
  }

  get today() {
    return today(this.zone);
  }

  get lastDate() {
    return addDays(this.today, Number(this.horizonDays) || 365);
  }

  /** Loads and shows the first day with free time. */
  async start() {
    await this.findAndShow(this.today, null);
  }

  async setZone(zone) {
    const keep = this.date;
    this.zone = zone;
    this.zoneField.control.value = zone;
    await this.reload(keep);
  }

  /** Reloads after a change of zone or length: keeps the date if it still has free time, else the next such day. */
  async reload(date) {
    this.slotsByDate.clear();
    this.windowFrom = null;
    const from = date && date >= this.today ? date : this.today;
    await this.findAndShow(from, date);
  }

  async findAndShow(from, wanted) {
    this.setBusy(true);
    try {
      let start = from;
      while (start <= this.lastDate) {
        await this.load(start);
        const first = this.firstDateWithSlots(start);
        if (first) {
          if (wanted && first !== wanted) {
            this.showNote(`No free times on ${formatDay(wanted)} in this time zone. `
              + `Showing ${formatDay(first)}, the next day with free time.`);
          } else {
            this.showNote(null);
          }
          this.render(first);
          return;
        }
        start = addDays(start, WINDOW_DAYS);
      }
      this.showNote(null);
      this.render(from);
      clear(this.status, h('p', { class: 'alert alert-warn', role: 'status', text: 'There are no free times to book at the moment. Please check again later.' }));
    } catch (e) {
      this.failed(e, () => this.findAndShow(from, wanted));
    } finally {
      this.setBusy(false);
    }
  }

  firstDateWithSlots(from) {
    const dates = [...this.slotsByDate.keys()].filter((d) => d >= from && this.slotsByDate.get(d).length > 0).sort();
    return dates[0] || null;
  }

  async load(from) {
    const to = addDays(from, WINDOW_DAYS);
    let path = `/api/v1/public/booking-types/${enc(this.typeId)}/slots?from=${from}&to=${to}&tz=${enc(this.zone)}`;
    if (this.duration) {
      path += `&duration=${this.duration}`;
    }
    let answer;
    try {
      answer = await api('GET', path);
    } catch (e) {
      if (e instanceof ApiError && e.type === 'unknown-time-zone' && this.fallbackZone && this.zone !== this.fallbackZone) {
        this.zone = this.fallbackZone;
        this.zoneField.control.value = this.zone;
        return this.load(from);
      }
      throw e;
    }
    for (let d = from; d < to; d = addDays(d, 1)) {
      this.slotsByDate.set(d, []);
    }
    for (const slot of answer.slots) {
      const date = slot.localStart.slice(0, 10);
      if (!this.slotsByDate.has(date)) {
        this.slotsByDate.set(date, []);
      }
      this.slotsByDate.get(date).push(slot);
    }
    this.windowFrom = from;
    this.windowTo = to;
    return answer;
  }

  async showDate(date) {
    if (!date || date < this.today || date > this.lastDate) {
      this.render(this.date);
      return;
    }
    this.showNote(null);
    if (!this.windowFrom || date < this.windowFrom || date >= this.windowTo) {
      this.setBusy(true);
      try {
        this.slotsByDate.clear();
        await this.load(date);
      } catch (e) {
        this.failed(e, () => this.showDate(date));
        return;
      } finally {
        this.setBusy(false);
      }
    }
    this.render(date);
  }

  /** Reloads the shown day (after a slot was taken by someone else). */
  async refreshDay() {
    const date = this.date;
    this.slotsByDate.clear();
    this.windowFrom = null;
    await this.showDate(date);
  }

  /** Shows the day of an instant and marks that slot chosen (an alternative offered after a conflict). */
  async choose(start) {
    const date = localDate(start, this.zone);
    this.slotsByDate.clear();
    this.windowFrom = null;
    await this.showDate(date);
    const slot = (this.slotsByDate.get(date) || []).find((s) => s.start === start)
      || { start, end: null, localStart: null };
    this.select(slot);
  }

  select(slot) {
    this.selected = slot;
    for (const button of this.list.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(Boolean(slot) && button.dataset.start === slot.start));
    }
    this.onSelect(slot, this.zone, this.duration);
  }

  render(date) {
    this.date = date;
    clear(this.status);
    const input = this.dateField.control;
    input.min = this.today;
    input.max = this.lastDate;
    input.value = date;
    this.prev.disabled = date <= this.today;
    this.next.disabled = date >= this.lastDate;
    this.heading.textContent = formatDay(date);
    this.zoneLine.textContent = `Times in ${zoneLabel(this.zone)}`;
    const slots = this.slotsByDate.get(date) || [];
    const stillSelected = this.selected && slots.some((s) => s.start === this.selected.start);
    clear(this.list, slots.map((slot) => h('li', {},
      h('button', {
        type: 'button',
        'data-start': slot.start,
        'aria-pressed': String(Boolean(stillSelected) && slot.start === this.selected.start),
        onclick: () => this.select(slot),
      }, h('time', { datetime: slot.start, text: formatTime(slot.start, this.zone) })))));
    if (slots.length === 0) {
      clear(this.status, h('p', { class: 'empty', id: this.id('empty'), text: 'No free times on this day.' }),
        h('button', { type: 'button', class: 'secondary', onclick: () => this.findAndShow(addDays(date, 1), null) },
          'Show the next day with free time'),
        this.onEmptyDay ? this.onEmptyDay(date, this.zone) : null);
    }
    if (!stillSelected && this.selected) {
      this.selected = null;
      this.onSelect(null, this.zone, this.duration);
    }
  }

  showNote(text) {
    this.note.textContent = text || '';
    this.note.hidden = !text;
  }

  setBusy(busy) {
    this.container.setAttribute('aria-busy', String(busy));
  }

  failed(error, retry) {
    clear(this.status, errorBox(error, 'Free times could not be loaded'),
      h('button', { type: 'button', class: 'secondary', onclick: retry }, 'Try again'));
  }
}
