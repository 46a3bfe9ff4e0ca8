'use strict';

const { url, throwProblem } = require('../lib/http');
const { fromView, present, SAMPLE_RUN, OUTPUT_FIELDS } = require('../lib/runs');

// By run id (GET /v1/runs/{id}) or by lead id (GET /v1/runs?leadId=, a lead has at most one run). Nothing found is
// an empty list, which Zapier shows as "no run found" and a Zap can branch on.
module.exports = {
  key: 'find_run',
  noun: 'Run',
  display: {
    label: 'Find Run',
    description: 'Finds a run by its id, or the run of a lead, with its current status and result.',
  },
  operation: {
    inputFields: [
      {
        key: 'runId',
        label: 'Run ID',
        required: false,
        type: 'string',
        helpText: 'The run id a create step answered with. Give this or the lead id.',
      },
      {
        key: 'leadId',
        label: 'Lead ID',
        required: false,
        type: 'string',
        helpText: 'An Audity lead id: finds the run that converts it. Used when no run id is given.',
      },
    ],
    perform: async (z, bundle) => {
      const { runId, leadId } = bundle.inputData;
      if (present(runId)) {
        const response = await z.request({
          url: url(bundle, `/v1/runs/${encodeURIComponent(String(runId).trim())}`),
          skipThrowForStatus: true,
        });
        if (response.status === 404) {
          return [];
        }
        if (response.status >= 400) {
          throwProblem(response, z);
        }
        return [fromView(response.data)];
      }
      if (present(leadId)) {
        const response = await z.request({
          url: url(bundle, '/v1/runs'),
          params: { leadId: String(leadId).trim(), limit: 1 },
        });
        return (response.data.runs || []).map(fromView);
      }
      throw new z.errors.Error('Give a run id or a lead id.', 'MISSING_INPUT', 400);
    },
    sample: SAMPLE_RUN,
    outputFields: OUTPUT_FIELDS,
  },
};
