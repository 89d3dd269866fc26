// The emulator's stand-in for the small part of Stripe.js the booking pages use: Stripe(key), elements().create('card')
// with mount(el), and confirmCardPayment(clientSecret, { payment_method: { card } }). The card field is a plain input
// (id emu-card-number); Stripe's test numbers map to the emulator's test payment methods. It confirms the intent the
// way Stripe.js does: POST /v1/payment_intents/{id}/confirm with the publishable key and the client secret.
(function () {
  var BASE = '__BASE__';
  var CARDS = {
    '4242424242424242': 'pm_card_visa',
    '5555555555554444': 'pm_card_mastercard',
    '4000000000009995': 'pm_card_visa_chargeDeclinedInsufficientFunds',
    '4000000000000002': 'pm_card_chargeDeclined',
    '4000002760003184': 'pm_card_authenticationRequired'
  };
  window.Stripe = function (key) {
    return {
      elements: function () {
        return {
          create: function () {
            var input = null;
            return {
              mount: function (el) {
                input = document.createElement('input');
                input.id = 'emu-card-number';
                input.setAttribute('aria-label', 'Card number');
                input.autocomplete = 'cc-number';
                input.inputMode = 'numeric';
                el.appendChild(input);
              },
              number: function () {
                return input ? input.value.replace(/\s+/g, '') : '';
              }
            };
          }
        };
      },
      confirmCardPayment: function (clientSecret, data) {
        var card = data && data.payment_method && data.payment_method.card;
        var method = CARDS[card ? card.number() : ''];
        if (!method) {
          return Promise.resolve({ error: { type: 'validation_error', message: 'Your card number is invalid.' } });
        }
        var id = clientSecret.split('_secret_')[0];
        return fetch(BASE + '/v1/payment_intents/' + id + '/confirm', {
          method: 'POST',
          headers: { Authorization: 'Bearer ' + key, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ client_secret: clientSecret, payment_method: method })
        }).then(function (r) {
          return r.json().then(function (json) {
            return r.ok ? { paymentIntent: json } : { error: json.error };
          });
        });
      }
    };
  };
})();
