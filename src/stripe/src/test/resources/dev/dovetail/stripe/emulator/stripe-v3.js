// The emulator's stand-in for the small part of Stripe.js the booking pages use: Stripe(key), elements().create('card')
// with mount(el), and confirmCardPayment(clientSecret, { payment_method: { card } }). The card field is a plain input
// (id emu-card-number); Stripe's test numbers map to the emulator's test payment methods. It confirms the intent the
// way Stripe.js does: POST /v1/payment_intents/{id}/confirm with the publishable key and the client secret. An intent
// that answers requires_action is handled as Stripe.js does: use_stripe_sdk opens the challenge in a frame over the
// page (id emu-3ds-frame) and, once the challenge page reports that it is over, reads the intent back and resolves;
// a failed check resolves with Stripe's payment_intent_authentication_failure error; redirect_to_url leaves the page.
(function () {
  var BASE = '__BASE__';
  var CARDS = {
    '4242424242424242': 'pm_card_visa',
    '5555555555554444': 'pm_card_mastercard',
    '4000000000009995': 'pm_card_visa_chargeDeclinedInsufficientFunds',
    '4000000000000002': 'pm_card_chargeDeclined',
    '4000002760003184': 'pm_card_authenticationRequired'
  };

  function answer(r) {
    return r.json().then(function (json) {
      return r.ok ? { paymentIntent: json } : { error: json.error };
    });
  }

  function retrieve(key, id, clientSecret) {
    return fetch(BASE + '/v1/payment_intents/' + id + '?client_secret=' + encodeURIComponent(clientSecret), {
      headers: { Authorization: 'Bearer ' + key }
    }).then(answer);
  }

  function afterChallenge(result) {
    if (result.error || result.paymentIntent.status !== 'requires_payment_method') {
      return result;
    }
    return {
      error: {
        type: 'invalid_request_error',
        code: 'payment_intent_authentication_failure',
        message: 'We are unable to authenticate your payment method. Please choose a different payment method and '
          + 'try again.',
        payment_intent: result.paymentIntent
      }
    };
  }

  function challenge(key, intent, clientSecret) {
    var next = intent.next_action;
    if (next.type === 'redirect_to_url') {
      window.location.assign(next.redirect_to_url.url);
      return new Promise(function () {});
    }
    return new Promise(function (resolve) {
      var overlay = document.createElement('div');
      overlay.id = 'emu-3ds-modal';
      overlay.style.position = 'fixed';
      overlay.style.inset = '0';
      overlay.style.background = 'rgba(0, 0, 0, 0.5)';
      overlay.style.display = 'flex';
      overlay.style.alignItems = 'center';
      overlay.style.justifyContent = 'center';
      var frame = document.createElement('iframe');
      frame.id = 'emu-3ds-frame';
      frame.title = '3D Secure';
      frame.src = next.use_stripe_sdk.stripe_js;
      frame.style.width = '420px';
      frame.style.height = '320px';
      frame.style.background = 'white';
      frame.style.border = '0';
      overlay.appendChild(frame);
      document.body.appendChild(overlay);
      function over(event) {
        if (event.source !== frame.contentWindow || !event.data || event.data.type !== 'emu-3ds-done') {
          return;
        }
        window.removeEventListener('message', over);
        overlay.remove();
        resolve(retrieve(key, intent.id, clientSecret).then(afterChallenge));
      }
      window.addEventListener('message', over);
    });
  }

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
        }).then(answer).then(function (result) {
          if (result.error || result.paymentIntent.status !== 'requires_action') {
            return result;
          }
          return challenge(key, result.paymentIntent, clientSecret);
        });
      }
    };
  };
})();
