// A booking type's location (ADR 49) as the customer pages show it: an address as text, a phone number as a tel:
// link, a video link (an https URL the server checked) as a link.

import { t } from './i18n.js';
import { h } from './dom.js';

const LABELS = { ADDRESS: t('location.ADDRESS'), PHONE: t('location.PHONE'), VIDEO: t('location.VIDEO') };

export function locationLabel(location) {
  return LABELS[location.kind] || 'Location';
}

export function locationNode(location, id) {
  if (location.kind === 'VIDEO' && location.value.startsWith('https://')) {
    return h('a', { id, href: location.value, rel: 'noopener noreferrer', target: '_blank', text: location.value });
  }
  if (location.kind === 'PHONE') {
    return h('a', { id, href: `tel:${location.value.replace(/[^+0-9]/g, '')}`, text: location.value });
  }
  return h('span', { id, text: location.value });
}
