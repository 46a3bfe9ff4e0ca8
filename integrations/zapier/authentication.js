'use strict';

const { url, baseUrl } = require('./lib/http');

// A connection is a bridge (its public base URL) and one of its API keys; the signing secret is optional and only
// serves to check the callbacks that resume a waiting step (see README.md).
module.exports = {
  type: 'custom',
  fields: [
    {
      key: 'baseUrl',
      label: 'Bridge URL',
      required: true,
      type: 'string',
      helpText:
        'The public HTTPS address of your Audity Bridge, such as `https://bridge.example.com` (no path). ' +
        'Zapier calls it from the internet, and it calls Zapier back.',
    },
    {
      key: 'apiKey',
      label: 'API key',
      required: true,
      type: 'password',
      helpText:
        "One of the bridge's API keys (`BRIDGE_API_KEYS`, or a key the bridge's admin API made for your " +
        'connection). Sent as `Authorization: Bearer …`.',
    },
    {
      key: 'signingSecret',
      label: 'Signing secret (optional)',
      required: false,
      type: 'password',
      helpText:
        "The `whsec_…` secret your connection's callbacks are signed with (`BRIDGE_SIGNING_SECRET`, or the one " +
        'shown when the connection was made). With it, a step that waits for its result checks the signature ' +
        'of the callback that resumes it; without it, no check is made there. Triggers check their deliveries ' +
        'either way, with the secret of their own subscription.',
    },
  ],
  // The cheapest call that needs a valid key: one run at most.
  test: (z, bundle) =>
    z.request({ url: url(bundle, '/v1/runs'), params: { limit: 1 } }).then((response) => response.data),
  connectionLabel: (z, bundle) => {
    try {
      return new URL(baseUrl(bundle)).host;
    } catch (e) {
      return baseUrl(bundle);
    }
  },
};
