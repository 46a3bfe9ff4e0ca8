'use strict';

const { hookCreate, picked, INCLUDE_FIELD, included } = require('../lib/hookCreate');
const { projectInputFields, projectKeys } = require('../lib/projectFields');

const PREFIX = 'project_';

module.exports = hookCreate({
  key: 'lead_arrived',
  noun: 'Run',
  label: 'Convert Lead to Audit',
  description:
    'Converts an Audity lead into a project exactly once, fills in its fields and runs the audit analysis ' +
    '(POST /v1/hooks/lead-arrived).',
  path: '/v1/hooks/lead-arrived',
  flow: 'lead-to-audit',
  inputFields: [
    {
      key: 'leadId',
      label: 'Lead ID',
      required: true,
      type: 'string',
      helpText:
        'The Audity lead to convert. Converting costs 1,000 credits and happens once per lead: the same lead sent ' +
        'again answers with its existing run (`deduped`), never a second conversion.',
    },
    ...projectInputFields(PREFIX, 'Optional: written onto the project the lead becomes.'),
    {
      key: 'analysis',
      label: 'Analysis',
      required: false,
      choices: { async: 'Run the audit analysis (default)', none: 'Stop after the conversion' },
      helpText: 'Whether the run also triggers and waits for the audit analysis of the new project.',
    },
    INCLUDE_FIELD,
  ],
  body: (inputData) => {
    const body = { leadId: String(inputData.leadId).trim() };
    const project = picked(inputData, projectKeys(PREFIX));
    if (Object.keys(project).length > 0) {
      body.project = project;
    }
    if (inputData.analysis) {
      body.analysis = inputData.analysis;
    }
    if (inputData.analysis !== 'none') {
      Object.assign(body, included(inputData));
    }
    return body;
  },
});
