'use strict';

const { hookCreate, picked } = require('../lib/hookCreate');
const { projectInputFields, projectKeys } = require('../lib/projectFields');
const { SAMPLE_RUN, compact } = require('../lib/runs');

const PREFIX = 'changes_';

module.exports = hookCreate({
  key: 'update_project',
  noun: 'Run',
  label: 'Update Project',
  description:
    "Updates an Audity project's fields; the bridge checks them with Audity's own rules before anything is " +
    'queued (POST /v1/hooks/project-update).',
  path: '/v1/hooks/project-update',
  flow: 'project-update',
  inputFields: [
    {
      key: 'projectId',
      label: 'Project ID',
      required: true,
      type: 'string',
      helpText: 'The Audity project (a UUID) to update.',
    },
    ...projectInputFields(PREFIX, 'Give at least one field.'),
  ],
  body: (inputData) => ({
    projectId: String(inputData.projectId).trim(),
    changes: picked(inputData, projectKeys(PREFIX)),
  }),
  sample: compact({
    ...SAMPLE_RUN,
    flow: 'project-update',
    event: 'project.updated',
    leadId: null,
    jobId: null,
    analysisId: null,
  }),
});
