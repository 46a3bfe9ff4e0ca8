'use strict';

const { url } = require('../lib/http');
const { FLOW_CHOICES, fromView, SAMPLE_RUN, OUTPUT_FIELDS } = require('../lib/runs');

// A polling trigger over GET /v1/runs for accounts that cannot receive REST hooks. The list is newest first and a
// run's id never changes, which is what Zapier's deduplication needs: each poll fires once per run not seen yet.
module.exports = {
  key: 'new_run',
  noun: 'Run',
  display: {
    label: 'New Run in Status (Polling)',
    description:
      'Triggers when a run reaches a status, checked every few minutes. Prefer "Run Finished" or "Run Failed", ' +
      'which are instant, when your bridge can reach Zapier.',
  },
  operation: {
    inputFields: [
      {
        key: 'status',
        label: 'Status',
        required: true,
        default: 'completed',
        choices: {
          completed: 'Completed',
          failed: 'Failed',
          cancelled: 'Cancelled',
          any: 'Any (each new run, as it is when first seen)',
        },
        helpText:
          'Fires once per run in this status. A run fires once only: with Any, each new run fires as it is first ' +
          'seen, and not again when it ends.',
      },
      {
        key: 'flow',
        label: 'Flow',
        required: false,
        choices: FLOW_CHOICES,
        helpText: 'Only runs of this flow. Empty: runs of every flow.',
      },
    ],
    perform: async (z, bundle) => {
      // The page Zapier compares with what it has seen: the most the runs API gives (100 runs, newest created first).
      const params = { limit: 100 };
      if (bundle.inputData.status && bundle.inputData.status !== 'any') {
        params.status = bundle.inputData.status;
      }
      if (bundle.inputData.flow) {
        params.flow = bundle.inputData.flow;
      }
      const response = await z.request({ url: url(bundle, '/v1/runs'), params });
      return (response.data.runs || []).map(fromView);
    },
    sample: SAMPLE_RUN,
    outputFields: OUTPUT_FIELDS,
  },
};
