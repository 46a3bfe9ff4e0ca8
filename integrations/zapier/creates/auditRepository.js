'use strict';

const { hookCreate, isYes } = require('../lib/hookCreate');
const { SAMPLE_RUN } = require('../lib/runs');

module.exports = hookCreate({
  key: 'audit_repository',
  noun: 'Run',
  label: 'Audit Repository',
  description:
    'Submits a public GitHub repository for an audit and returns its markdown critique and similar ' +
    'repositories (POST /v1/hooks/repo-audit-requested).',
  path: '/v1/hooks/repo-audit-requested',
  flow: 'repo-audit',
  inputFields: [
    {
      key: 'repoUrl',
      label: 'Repository URL',
      required: true,
      type: 'string',
      helpText: 'A public GitHub repository, such as `https://github.com/owner/repo`.',
    },
    {
      key: 'publishConsent',
      label: 'Publish the audit?',
      required: true,
      type: 'boolean',
      helpText: 'Must be yes: repository audits are public. The bridge refuses the request otherwise.',
    },
  ],
  body: (inputData) => ({
    repoUrl: String(inputData.repoUrl).trim(),
    publishConsent: isYes(inputData.publishConsent),
  }),
  sample: {
    id: 'd2b05c08-cba1-4931-8aff-8ca5374d98fd',
    runId: 'd2b05c08-cba1-4931-8aff-8ca5374d98fd',
    flow: 'repo-audit',
    status: 'completed',
    event: 'repo_audit.completed',
    finishedAt: SAMPLE_RUN.finishedAt,
    auditId: '7157655e-21a8-4310-88fd-efae49fcf04a',
    repoUrl: 'https://github.com/owner/repo',
    repoAudit: {
      auditId: '7157655e-21a8-4310-88fd-efae49fcf04a',
      repoUrl: 'https://github.com/owner/repo',
      status: 'complete',
      entityId: 'repo-owner-repo',
      markdown: '## Review of owner/repo\n\nA tidy codebase with clear module boundaries.\n',
      neighbors: [{ entity_id: 'repo-other-project', title: 'other-project', score: 0.91 }],
    },
    metadata: {},
  },
});
