'use strict';

const { url } = require('./http');
const { fromEvent, fromHookAnswer, fromView, present, SAMPLE_RUN, OUTPUT_FIELDS } = require('./runs');
const { refusal } = require('./signature');

// The four creates share one shape: POST a hook, answer with the run at once, or wait for the run's final event
// through a Zapier callback URL and resume the step with it.

const WAIT_FIELD = {
  key: 'waitForResult',
  label: 'Wait for the result?',
  type: 'boolean',
  default: 'false',
  required: false,
  helpText:
    'No (default): the step answers at once with the run id and status `queued`; use a "Run Finished" trigger or ' +
    '"Find Run" for the result. Yes: the Zap pauses on this step until the run ends (a lead-to-audit run takes ' +
    'minutes to hours, at most 30 days) and goes on with the finished run: ids, project, analysis, or the error.',
};

const IDEMPOTENCY_FIELD = {
  key: 'idempotencyKey',
  label: 'Idempotency key',
  type: 'string',
  required: false,
  helpText:
    'Optional. The same key sent again within 24 hours answers with the run it started instead of starting ' +
    'another, so a replayed Zap does not run the job twice. Map a stable value, such as the record id of the ' +
    'trigger. A step that waits for the result cannot wait on a run another step started: it stops with an error.',
};

const METADATA_FIELD = {
  key: 'metadata',
  label: 'Metadata',
  dict: true,
  required: false,
  helpText:
    'Optional keys and values (a CRM id, the Zap name) echoed back in every event of the run as `metadata`, so a ' +
    'later step or another Zap can match the result to your record.',
};

/** The parts of the finished audit a lead-to-audit or project-analysis run carries (the hook's `include`). */
const INCLUDE_FIELD = {
  key: 'include',
  label: 'Include',
  list: true,
  required: false,
  choices: {
    analysis: "Analysis (the project's audit analysis, as Audity answers it)",
    deliverables: 'Deliverables (executive summary, opportunity matrix, risk assessment, stakeholder memos)',
  },
  helpText:
    'Optional. Parts of the finished audit to carry in the result, read by the bridge within the token\'s read ' +
    "budget; none chosen: the connection's default. A part the bridge could not read is listed in Missing, one too " +
    'large for the callback in Omitted; Result URL serves the whole result.',
};

/** `include` for a hook body, when parts were chosen. */
const included = (inputData) => {
  const parts = [].concat(inputData.include || []).filter(present);
  return parts.length > 0 ? { include: parts } : {};
};

const isYes = (value) => value === true || value === 'true' || value === 'yes';

/** The members of inputData named in `keys` that have a value, for an object member of a hook body. */
const picked = (inputData, keys) => {
  const out = {};
  for (const [field, member] of Object.entries(keys)) {
    if (present(inputData[field])) {
      out[member] = inputData[field];
    }
  }
  return out;
};

/** The run an earlier lead-arrived hook started for this lead, if any (GET /v1/runs?leadId=). */
const runOfLead = async (z, bundle, leadId) => {
  const response = await z.request({ url: url(bundle, '/v1/runs'), params: { leadId, limit: 1 } });
  return (response.data.runs || [])[0];
};

/** The callback URL a run was started with (the runs API shows a run's input). */
const startedWith = async (z, bundle, runId) => {
  const response = await z.request({ url: url(bundle, `/v1/runs/${encodeURIComponent(runId)}`) });
  return (response.data.input || {}).callbackUrl;
};

/**
 * The event that resumed the step: Zapier parses the callback's JSON body into bundle.cleanedRequest and keeps the
 * request as it came in bundle.rawRequest (headers and body text).
 */
const resumedEvent = (bundle) => {
  const cleaned = bundle.cleanedRequest || {};
  if (cleaned.type && cleaned.data) {
    return cleaned;
  }
  if (cleaned.content && cleaned.content.type) {
    return cleaned.content;
  }
  return JSON.parse((bundle.rawRequest && bundle.rawRequest.content) || '{}');
};

/**
 * spec: {key, noun, label, description, path, flow, inputFields, body(inputData) -> hook body, sample}
 */
const hookCreate = (spec) => {
  const perform = async (z, bundle) => {
    const wait = isYes(bundle.inputData.waitForResult);
    const body = spec.body(bundle.inputData);
    if (present(bundle.inputData.metadata) && Object.keys(bundle.inputData.metadata).length > 0) {
      body.metadata = bundle.inputData.metadata;
    }
    if (wait && spec.flow === 'lead-to-audit') {
      // A lead has one run, and the bridge calls back only the URL that run was started with: a lead sent again
      // answers with its run as it is now instead of waiting for a callback that would never come.
      const existing = await runOfLead(z, bundle, body.leadId);
      if (existing) {
        return { ...fromView(existing), deduped: true };
      }
    }
    const callbackUrl = wait ? z.generateCallbackUrl() : undefined;
    if (wait) {
      body.callbackUrl = callbackUrl;
    }
    const headers = { 'Content-Type': 'application/json' };
    if (present(bundle.inputData.idempotencyKey)) {
      headers['Idempotency-Key'] = String(bundle.inputData.idempotencyKey);
    }
    const response = await z.request({ url: url(bundle, spec.path), method: 'POST', headers, body });
    const run = fromHookAnswer(response.data);
    if (wait && run.deduped && (await startedWith(z, bundle, run.runId)) !== callbackUrl) {
      throw new z.errors.Error(
        `The bridge answered with the run ${run.runId} that an earlier request started (deduped): it calls back ` +
          'only the address that run was started with, so this step cannot wait for it. Use "Find Run" with ' +
          'this run id, or send a new idempotency key.',
        'DEDUPED_WHILE_WAITING',
        409,
      );
    }
    return run;
  };

  const performResume = async (z, bundle) => {
    const secret = bundle.authData.signingSecret;
    if (present(secret)) {
      const why = refusal(bundle.rawRequest, secret);
      if (why) {
        throw new z.errors.Error(
          `The callback that resumed this step is not signed by the bridge (${why}); its data was not used.`,
          'INVALID_SIGNATURE',
          401,
        );
      }
    }
    const event = resumedEvent(bundle);
    const started = bundle.outputData || {};
    if (!event.data || (started.runId && event.data.runId !== started.runId)) {
      throw new z.errors.Error(
        `The callback that resumed this step is not about its run ${started.runId}.`,
        'UNEXPECTED_CALLBACK',
        400,
      );
    }
    return { ...fromEvent(event), statusUrl: started.statusUrl, deduped: Boolean(started.deduped) };
  };

  return {
    key: spec.key,
    noun: spec.noun,
    display: { label: spec.label, description: spec.description },
    operation: {
      inputFields: [...spec.inputFields, METADATA_FIELD, IDEMPOTENCY_FIELD, WAIT_FIELD],
      perform,
      performResume,
      sample: spec.sample || SAMPLE_RUN,
      outputFields: [
        ...OUTPUT_FIELDS,
        { key: 'statusUrl', label: 'Status URL (path of the run in the runs API)' },
        { key: 'deduped', label: 'Deduped (an earlier request had started this run)', type: 'boolean' },
      ],
    },
  };
};

module.exports = { hookCreate, picked, isYes, INCLUDE_FIELD, included };
