// A paginated list in the dashboard: the first page, then "Show more" for the next, following the API's nextCursor.

import { call } from './dash-session.js';
import { h, clear, errorBox } from './dom.js';

export class PagedList {
  /**
   * @param {object} o
   * @param {string} o.path list endpoint, e.g. /api/v1/resources
   * @param {(item: object) => HTMLElement} o.renderItem one <li>
   * @param {string} o.empty text when there is nothing
   * @param {string} o.id id of the <ul>
   * @param {number} [o.pageSize]
   */
  constructor(o) {
    Object.assign(this, o);
    this.pageSize = o.pageSize || 20;
    this.list = h('ul', { class: 'item-list', id: o.id });
    this.more = h('button', { type: 'button', class: 'secondary', id: `${o.id}-more`, hidden: true, onclick: () => this.next() },
      'Show more');
    this.status = h('div');
    this.element = h('div', {}, this.list, this.status, h('div', { class: 'actions' }, this.more));
    this.items = [];
  }

  async reload() {
    this.items = [];
    this.cursor = null;
    clear(this.list);
    await this.next();
  }

  async next() {
    this.more.disabled = true;
    try {
      const sep = this.path.includes('?') ? '&' : '?';
      const answer = await call('GET', `${this.path}${sep}limit=${this.pageSize}`
        + `${this.cursor ? `&cursor=${encodeURIComponent(this.cursor)}` : ''}`);
      this.cursor = answer.nextCursor;
      this.items.push(...answer.items);
      answer.items.forEach((item) => this.list.append(this.renderItem(item)));
      clear(this.status, this.items.length === 0 ? h('p', { class: 'empty', text: this.empty }) : null);
      this.more.hidden = !this.cursor;
    } catch (e) {
      clear(this.status, errorBox(e, 'The list could not be loaded'));
    } finally {
      this.more.disabled = false;
    }
  }
}
