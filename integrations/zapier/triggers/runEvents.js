'use strict';

const { url, throwProblem } = require('../lib/http');
const {
  FINAL_EVENTS,
  FLOW_CHOICES,
  fromEvent,
  fromView,
  SAMPLE_RUN,
  SAMPLE_FAILED_RUN,
  OUTPUT_FIELDS,
} = require('../lib/runs');
const { refusal } = require('../lib/signature');

// Instant triggers as REST hooks: turning a Zap on subscribes Zapier's URL to the bridge's events
// (POST /v1/subscriptions), turning it off deletes the subscription. Each delivery is checked against the secret the
// bridge gave for that subscription before the Zap sees it.

const FLOW_FIELD = {
  key: 'flow',
  label: 'Flow',
  required: false,
  choices: FLOW_CHOICES,
  helpText: 'Only runs of this flow. Empty: runs of every flow.',
};

/**
 * The delivery as Zapier received it. A delivery whose signature does not verify halts the Zap with the reason:
 * it did not come from the bridge, or was changed on the way.
 */
const verifiedEvent = (z, bundle) => {
  const why = refusal(bundle.rawRequest, bundle.subscribeData && bundle.subscribeData.secret);
  if (why) {
    throw new z.errors.HaltedError(`Delivery ignored: it is not signed by the bridge (${why}).`);
  }
  return JSON.parse(bundle.rawRequest.content);
};

/** spec: {key, label, description, events(inputData), status, flowFilter, sample} */
const restHookTrigger = (spec) => ({
  key: spec.key,
  noun: 'Run',
  display: { label: spec.label, description: spec.description },
  operation: {
    type: 'hook',
    inputFields: [FLOW_FIELD],
    performSubscribe: async (z, bundle) => {
      const response = await z.request({
        url: url(bundle, '/v1/subscriptions'),
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: { targetUrl: bundle.targetUrl, events: spec.events(bundle.inputData) },
      });
      // {id, secret}: Zapier keeps it as bundle.subscribeData, for the deliveries and the unsubscribe.
      return response.data;
    },
    performUnsubscribe: async (z, bundle) => {
      const response = await z.request({
        url: url(bundle, `/v1/subscriptions/${encodeURIComponent(bundle.subscribeData.id)}`),
        method: 'DELETE',
        skipThrowForStatus: true,
      });
      // Already gone (the bridge removes a subscription Zapier answered 410): nothing left to undo.
      if (response.status >= 400 && response.status !== 404) {
        throwProblem(response, z);
      }
      return { id: bundle.subscribeData.id, removed: response.status === 204 };
    },
    perform: (z, bundle) => {
      const event = verifiedEvent(z, bundle);
      const item = fromEvent(event);
      // A subscription to every final event of a flow's runs hears only its own; still, a filtered Zap stays so.
      if (bundle.inputData.flow && item.flow !== bundle.inputData.flow) {
        return [];
      }
      return [item];
    },
    // Samples while the Zap is built: the latest runs that would have fired it, newest first.
    performList: async (z, bundle) => {
      const params = { status: spec.status, limit: 3 };
      if (bundle.inputData.flow) {
        params.flow = bundle.inputData.flow;
      }
      const response = await z.request({ url: url(bundle, '/v1/runs'), params });
      return (response.data.runs || []).map(fromView);
    },
    sample: spec.sample,
    outputFields: OUTPUT_FIELDS,
  },
});

const runFinished = restHookTrigger({
  key: 'run_finished',
  label: 'Run Finished',
  description:
    'Triggers at once when a run completes: a lead converted and audited, a project analysed or updated, a ' +
    'repository audited.',
  status: 'completed',
  events: (inputData) => (inputData.flow ? [FINAL_EVENTS[inputData.flow]] : Object.values(FINAL_EVENTS)),
  sample: SAMPLE_RUN,
});

const runFailed = restHookTrigger({
  key: 'run_failed',
  label: 'Run Failed',
  description:
    'Triggers at once when a run fails, with its error code and message (and the upstream HTTP status when there ' +
    'was one), so that a person can look.',
  status: 'failed',
  events: () => ['run.failed'],
  sample: SAMPLE_FAILED_RUN,
});

module.exports = { runFinished, runFailed };
