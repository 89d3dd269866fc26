// The pool part of the booking-type form (ADR 43): one resource, any free one of several (assigned round-robin or
// first free, or picked by the customer), or all of several together. Members keep the order they had; newly ticked
// ones follow in the resource list's order.

import { h, field, checkbox } from './dom.js';

export const MAX_MEMBERS = 20;

export function poolText(t) {
  if (!t.pool) {
    return `resource ${t.resourceId}`;
  }
  const names = t.pool.members.map((m) => m.resourceId).join(', ');
  return t.pool.mode === 'ALL' ? `all of ${names}` : `any of ${names}`;
}

/** The fieldset and a reader: read(errors) gives {resourceId, pool} (pool null for one resource), or notes errors. */
export function poolFields(resources, type, singleResource) {
  const pool = type.pool || null;
  const mode = field({
    id: 'type-pool-mode', label: 'Books', kind: 'select', value: pool ? pool.mode : 'ONE',
    options: [{ value: 'ONE', text: 'One resource' }, { value: 'ANY', text: 'Any free resource of a pool' },
      { value: 'ALL', text: 'All resources of a pool together' }],
  });
  const priorities = new Map((pool ? pool.members : []).map((m) => [m.resourceId, m.priority || 0]));
  const ordered = [...(pool ? pool.members.map((m) => m.resourceId) : [])];
  resources.forEach((r) => { if (!ordered.includes(r.id)) ordered.push(r.id); });
  const byId = new Map(resources.map((r) => [r.id, r]));
  const boxes = ordered.filter((id) => byId.has(id)).map((id) => ({
    id,
    box: checkbox({ id: `type-pool-member-${id}`, label: `${byId.get(id).name} (${id})`, checked: priorities.has(id) }),
  }));
  const members = h('fieldset', { id: 'type-pool-members' }, h('legend', { text: `Pool members (2 to ${MAX_MEMBERS})` }),
    boxes.map((b) => b.box.wrapper), h('p', { id: 'type-pool-members-error', class: 'field-error', hidden: true }));
  const assignment = field({
    id: 'type-pool-assignment', label: 'Assign', kind: 'select', value: pool ? pool.assignment : 'ROUND_ROBIN',
    options: [{ value: 'ROUND_ROBIN', text: 'Round-robin: the least booked' },
      { value: 'FIRST_FREE', text: 'The first free, in this order' }],
  });
  const pick = checkbox({ id: 'type-pool-pick', label: 'Customers may choose the resource', checked: Boolean(pool && pool.customerMayPick) });
  const details = h('div', { id: 'type-pool-details' }, members, h('div', { class: 'row' }, assignment.wrapper, pick.wrapper));
  const sync = () => {
    const pooled = mode.control.value !== 'ONE';
    details.hidden = !pooled;
    singleResource.wrapper.hidden = pooled;
    assignment.wrapper.hidden = mode.control.value !== 'ANY';
    pick.wrapper.hidden = mode.control.value !== 'ANY';
  };
  mode.control.addEventListener('change', sync);
  boxes.forEach((b) => b.box.control.addEventListener('change', () => {
    members.querySelector('.field-error').hidden = true;
  }));
  sync();
  const element = h('fieldset', { id: 'type-pool' }, h('legend', { text: 'Resources' }), mode.wrapper, details);

  function read(errors) {
    const error = members.querySelector('.field-error');
    error.hidden = true;
    if (mode.control.value === 'ONE') {
      return { resourceId: singleResource.control.value, pool: null };
    }
    const chosen = boxes.filter((b) => b.box.control.checked).map((b) => b.id);
    if (chosen.length < 2 || chosen.length > MAX_MEMBERS) {
      errors.push([{ control: boxes[0].box.control, error }, `Tick 2 to ${MAX_MEMBERS} resources.`]);
      return null;
    }
    const anyMode = mode.control.value === 'ANY';
    return {
      resourceId: chosen[0],
      pool: {
        mode: mode.control.value,
        members: chosen.map((id) => ({ resourceId: id, priority: priorities.get(id) || 0 })),
        assignment: anyMode ? assignment.control.value : 'FIRST_FREE',
        customerMayPick: anyMode && pick.control.checked,
        balanceWindowDays: pool ? pool.balanceWindowDays : 14,
      },
    };
  }

  return { element, read };
}
