// Amounts of money as every page writes them: in the page's language, from integer minor units.

import { LOCALE } from './time.js';

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
export function fractionDigits(currency) {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  } catch (e) {
    return 2;
  }
}

/** "€12.50" for { amountMinor: 1250, currency: 'EUR' }: integer minor units, never floating-point sums. */
export function formatMoney(money) {
  try {
    return new Intl.NumberFormat(LOCALE, { style: 'currency', currency: money.currency })
      .format(money.amountMinor / 10 ** fractionDigits(money.currency));
  } catch (e) {
    return `${money.amountMinor} ${money.currency}`;
  }
}
