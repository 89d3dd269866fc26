// The slot picker of the booking and manage pages: a searchable time zone, a month view of free, fully booked and
// closed days (ADR 55), and the free slots of the chosen day, in the chosen zone. It opens on the first day with free
// time from a given day. From GET /api/v1/public/booking-types/{id}/slots, in the viewer's zone: a month's day states
// (slots=false, a light answer), then the slots of the day shown.

import { t } from './i18n.js';
import { api, ApiError, enc } from './api.js';
import { h, clear, errorBox, field } from './dom.js';
import {
  addDays, formatDay, formatTime, localDate, minutesText, today, zoneLabel,
} from './time.js';
import { MonthGrid, addMonths, monthOf } from './month-grid.js';
import { ZonePicker } from './zone-picker.js';

export class SlotPicker {
  /**
   * @param {object} o
   * @param {HTMLElement} o.container where to render
   * @param {string} o.typeId booking type id
   * @param {string} o.zone initial time zone (the visitor's)
   * @param {string} o.fallbackZone zone to use if the server does not know the visitor's
   * @param {number[]} o.durations the type's lengths in minutes (first = default)
   * @param {number} o.horizonDays how far ahead one may book
   * @param {(slot: object|null, zone: string, duration: number, byUser: boolean) => void} o.onSelect called when a
   *   slot is chosen (null: unchosen); byUser: chosen in the list by the visitor
   * @param {string} [o.idPrefix] prefix for element ids, to keep them unique on a page
   * @param {(date: string, zone: string) => HTMLElement} [o.onEmptyDay] extra content under a fully booked day (the
   *   booking page's waitlist form); never under a closed one
   */
  constructor(o) {
    Object.assign(this, o);
    this.idPrefix = o.idPrefix || 'picker';
    this.duration = (o.durations && o.durations[0]) || null;
    this.slotsByDate = new Map();
    // Which request to show a day is the latest: an earlier one answered later must not replace the day chosen since.
    this.shown = 0;
    this.states = new Map();
    this.loadedMonths = new Set();
    this.date = null;
    this.selected = null;
    this.buildControls();
  }

  id(name) {
    return `${this.idPrefix}-${name}`;
  }

  buildControls() {
    this.zonePicker = new ZonePicker({
      id: this.id('tz'), value: this.zone, extra: [this.fallbackZone], onChange: (zone) => this.setZone(zone),
    });

    let durationField = null;
    if (this.durations && this.durations.length > 1) {
      durationField = field({
        id: this.id('duration'), label: t('picker.length'), kind: 'select',
        options: this.durations.map((m) => ({ value: String(m), text: minutesText(m) })), value: String(this.duration),
      });
      durationField.control.addEventListener('change', () => {
        this.duration = Number(durationField.control.value);
        this.reload(this.date);
      });
    }

    this.grid = new MonthGrid({
      idPrefix: this.idPrefix,
      onPick: (date) => this.showDate(date),
      onMonth: (month, focusDate) => this.showMonth(month, focusDate),
    });

    this.dateField = field({ id: this.id('date'), label: t('picker.date'), type: 'date' });
    this.dateField.control.addEventListener('change', () => {
      const value = this.dateField.control.value;
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        this.showDate(value);
      }
    });
    this.prev = h('button', {
      type: 'button', class: 'secondary', id: this.id('prev'), 'aria-label': t('picker.prevDay'),
      onclick: () => this.showDate(addDays(this.date, -1)),
    }, '‹');
    this.next = h('button', {
      type: 'button', class: 'secondary', id: this.id('next'), 'aria-label': t('picker.nextDay'),
      onclick: () => this.showDate(addDays(this.date, 1)),
    }, '›');

    this.heading = h('h2', { class: 'day-heading', id: this.id('day-heading') });
    this.zoneLine = h('p', { class: 'zone-line', id: this.id('zone-line') });
    this.note = h('p', { class: 'alert alert-warn', id: this.id('note'), hidden: true });
    this.list = h('ul', { class: 'slot-list', id: this.id('slots'), 'aria-labelledby': this.id('day-heading') });
    this.busy = h('p', { class: 'loading', id: this.id('busy'), role: 'status', hidden: true },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }), t('picker.loading'));
    this.status = h('div', { id: this.id('status') });

    clear(this.container,
      h('div', { class: 'picker-controls' }, this.zonePicker.wrapper, durationField && durationField.wrapper),
      this.grid.element,
      h('div', { class: 'day-nav' }, this.prev, this.dateField.wrapper, this.next),
      this.busy, this.heading, this.zoneLine, this.note, this.status, this.list);
  }

  get today() {
    return today(this.zone);
  }

  get lastDate() {
    return addDays(this.today, Number(this.horizonDays) || 365);
  }

  /** Loads and shows the first day with free time from `from` (default the hub's today; the manage page gives the
   * booking's day, so that the month view opens where the booking is). */
  async start(from) {
    await this.findAndShow(from && from > this.today ? from : this.today, null);
  }

  async setZone(zone) {
    const keep = this.date;
    this.zone = zone;
    this.zonePicker.setZone(zone);
    await this.reload(keep);
  }

  forget() {
    this.slotsByDate.clear();
    this.states.clear();
    this.loadedMonths.clear();
  }

  /** Reloads after a change of zone or length: keeps the date if it still has free time, else the next such day. */
  async reload(date) {
    this.forget();
    const from = date && date >= this.today ? date : this.today;
    await this.findAndShow(from, date);
  }

  /** Month by month from `from`: the first day with free time (a `wanted` day without any is said so). */
  async findAndShow(from, wanted) {
    const ticket = ++this.shown;
    this.setBusy(true);
    try {
      for (let month = monthOf(from); month <= this.lastDate; month = addMonths(month, 1)) {
        await this.loadMonth(month);
        const first = this.firstFreeDate(from, addMonths(month, 1));
        if (first) {
          await this.loadDay(first);
          if (ticket !== this.shown) {
            return;
          }
          this.showNote(wanted && first !== wanted
            ? t('picker.movedOn', { wanted: formatDay(wanted), first: formatDay(first) })
            : null);
          this.render(first);
          return;
        }
      }
      if (ticket !== this.shown) {
        return;
      }
      this.showNote(null);
      this.render(from);
      clear(this.status, h('p', { class: 'alert alert-warn', role: 'status', text: t('picker.none') }));
    } catch (e) {
      this.failed(e, () => this.findAndShow(from, wanted));
    } finally {
      this.setBusy(false);
    }
  }

  firstFreeDate(from, before) {
    const dates = [...this.states.keys()].filter((d) => d >= from && d < before && this.states.get(d) === 'free').sort();
    return dates[0] || null;
  }

  /** The states of a month's bookable days (one request; none for a month wholly out of range). */
  async loadMonth(month) {
    if (this.loadedMonths.has(month)) {
      return;
    }
    const from = month > this.today ? month : this.today;
    const next = addMonths(month, 1);
    const to = next <= this.lastDate ? next : addDays(this.lastDate, 1);
    if (from < to) {
      await this.load(from, to, false);
    }
    this.loadedMonths.add(month);
  }

  /** The free slots of one day, once. */
  async loadDay(date) {
    if (!this.slotsByDate.has(date)) {
      await this.load(date, addDays(date, 1), true);
    }
  }

  async load(from, to, withSlots) {
    let path = `/api/v1/public/booking-types/${enc(this.typeId)}/slots?from=${from}&to=${to}&tz=${enc(this.zone)}`
      + (withSlots ? '' : '&slots=false');
    if (this.duration) {
      path += `&duration=${this.duration}`;
    }
    let answer;
    try {
      answer = await api('GET', path);
    } catch (e) {
      if (e instanceof ApiError && e.type === 'unknown-time-zone' && this.fallbackZone && this.zone !== this.fallbackZone) {
        this.zone = this.fallbackZone;
        this.zonePicker.setZone(this.zone);
        return this.load(from, to, withSlots);
      }
      throw e;
    }
    for (const day of answer.days || []) {
      this.states.set(day.date, day.state);
      if (withSlots) {
        this.slotsByDate.set(day.date, []);
      }
    }
    for (const slot of answer.slots) {
      const date = slot.localStart.slice(0, 10);
      if (!this.slotsByDate.has(date)) {
        this.slotsByDate.set(date, []);
      }
      this.slotsByDate.get(date).push(slot);
    }
    return answer;
  }

  /** Shows a day (its month in the grid, its slots in the list); a day out of range leaves the shown one. */
  async showDate(date) {
    if (!date || date < this.today || date > this.lastDate) {
      this.render(this.date);
      return;
    }
    const ticket = ++this.shown;
    this.showNote(null);
    if (!(await this.ensureLoaded(() => Promise.all([this.loadMonth(monthOf(date)), this.loadDay(date)]),
      () => this.showDate(date)))) {
      return;
    }
    if (ticket === this.shown) {
      this.render(date);
    }
  }

  /** Another month in the grid, without changing the shown day; `focusDate` takes the keyboard focus. */
  async showMonth(month, focusDate) {
    if (month < monthOf(this.today) || month > this.lastDate) {
      return;
    }
    if (await this.ensureLoaded(() => this.loadMonth(month), () => this.showMonth(month, focusDate))) {
      this.renderGrid(month, focusDate);
    }
  }

  /** Runs a load with the busy state shown; on failure says so with a retry. Answers whether it worked. */
  async ensureLoaded(load, retry) {
    this.setBusy(true);
    try {
      await load();
      return true;
    } catch (e) {
      this.failed(e, retry);
      return false;
    } finally {
      this.setBusy(false);
    }
  }

  /** Reloads the shown day (after a slot was taken by someone else). */
  async refreshDay() {
    const date = this.date;
    this.forget();
    await this.showDate(date);
  }

  /** Shows the day of an instant and marks that slot chosen (an alternative offered after a conflict). */
  async choose(start) {
    const date = localDate(start, this.zone);
    this.forget();
    await this.showDate(date);
    const slot = (this.slotsByDate.get(date) || []).find((s) => s.start === start)
      || { start, end: null, localStart: null };
    this.select(slot, false);
  }

  select(slot, byUser) {
    this.selected = slot;
    for (const button of this.list.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(Boolean(slot) && button.dataset.start === slot.start));
    }
    this.onSelect(slot, this.zone, this.duration, byUser);
  }

  renderGrid(month, focusDate) {
    this.grid.render({
      month, states: this.states, selected: this.date, min: this.today, max: this.lastDate, focusDate,
    });
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
    const focusInGrid = this.grid.table.contains(document.activeElement);
    this.renderGrid(monthOf(date), focusInGrid ? date : null);
    this.heading.textContent = formatDay(date);
    this.zoneLine.textContent = t('picker.zoneLine', { zone: zoneLabel(this.zone) });
    const slots = this.slotsByDate.get(date) || [];
    const stillSelected = this.selected && slots.some((s) => s.start === this.selected.start);
    clear(this.list, slots.map((slot) => h('li', {},
      h('button', {
        type: 'button',
        'data-start': slot.start,
        'aria-pressed': String(Boolean(stillSelected) && slot.start === this.selected.start),
        onclick: () => this.select(slot, true),
      }, h('time', { datetime: slot.start, text: formatTime(slot.start, this.zone) })))));
    if (slots.length === 0) {
      const full = this.states.get(date) === 'full';
      clear(this.status, h('p', {
        class: 'empty', id: this.id('empty'),
        text: full ? t('picker.full') : t('picker.closed'),
      }),
      h('button', { type: 'button', class: 'secondary', onclick: () => this.findAndShow(addDays(date, 1), null) },
        t('picker.nextFree')),
      full && this.onEmptyDay ? this.onEmptyDay(date, this.zone) : null);
    }
    if (!stillSelected && this.selected) {
      this.selected = null;
      this.onSelect(null, this.zone, this.duration, false);
    }
  }

  showNote(text) {
    this.note.textContent = text || '';
    this.note.hidden = !text;
  }

  setBusy(busy) {
    this.container.setAttribute('aria-busy', String(busy));
    this.busy.hidden = !busy;
  }

  failed(error, retry) {
    clear(this.status, errorBox(error, t('picker.failed')),
      h('button', { type: 'button', class: 'secondary', onclick: retry }, t('picker.retry')));
  }
}
