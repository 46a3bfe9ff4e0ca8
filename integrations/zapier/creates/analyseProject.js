'use strict';

const { hookCreate, INCLUDE_FIELD, included } = require('../lib/hookCreate');
const { SAMPLE_RUN, compact } = require('../lib/runs');

module.exports = hookCreate({
  key: 'analyse_project',
  noun: 'Run',
  label: 'Analyse Project',
  description:
    "Triggers an Audity project's audit analysis, waiting for its prerequisites, and polls it to the end " +
    '(POST /v1/hooks/analysis-requested).',
  path: '/v1/hooks/analysis-requested',
  flow: 'project-analysis',
  inputFields: [
    {
      key: 'projectId',
      label: 'Project ID',
      required: true,
      type: 'string',
      helpText: 'The Audity project (a UUID), such as the Project ID of a finished "Convert Lead to Audit" run.',
    },
    INCLUDE_FIELD,
  ],
  body: (inputData) => ({ projectId: String(inputData.projectId).trim(), ...included(inputData) }),
  sample: compact({
    ...SAMPLE_RUN,
    flow: 'project-analysis',
    event: 'analysis.completed',
    leadId: null,
    project: null,
  }),
});
