'use strict';

// One shape for a run wherever the app shows one: a create's answer, the callback that resumes it, a REST hook
// delivery, a polled or searched run. The id is the run id, which never changes, so Zapier's dedupe works.

/** The event each flow's run sends when it completes (schemas/events). */
const FINAL_EVENTS = {
  'lead-to-audit': 'audit.completed',
  'project-analysis': 'analysis.completed',
  'project-update': 'project.updated',
  'repo-audit': 'repo_audit.completed',
};

const FLOW_CHOICES = {
  'lead-to-audit': 'Lead to audit',
  'project-analysis': 'Project analysis',
  'project-update': 'Project update',
  'repo-audit': 'Repository audit',
};

const TERMINAL = ['completed', 'failed', 'cancelled'];

const present = (value) => value !== undefined && value !== null && value !== '';

/** Copies the members that have a value, so an item carries no empty keys. */
const compact = (object) =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => present(value)));

/**
 * A run as GET /v1/runs or GET /v1/runs/{id} shows it. The callback URL the run was started with is left out:
 * for a waiting Zap step it is Zapier's resume URL, which nothing downstream needs to see.
 */
const fromView = (view) => {
  const input = { ...(view.input || {}) };
  delete input.callbackUrl;
  const result = view.result || {};
  const event = view.status === 'completed' ? FINAL_EVENTS[view.flow] : view.status === 'failed' ? 'run.failed' : null;
  return compact({
    id: view.runId,
    runId: view.runId,
    flow: view.flow,
    status: view.status,
    step: view.step,
    event,
    createdAt: view.createdAt,
    finishedAt: view.finishedAt,
    leadId: result.leadId || input.leadId,
    projectId: result.projectId || input.projectId,
    jobId: result.jobId,
    analysisId: result.analysisId,
    auditId: result.auditId || (result.repoAudit && result.repoAudit.auditId),
    repoUrl: input.repoUrl,
    repoAudit: result.repoAudit,
    metadata: input.metadata || {},
    error: view.error,
    input,
  });
};

/** A run as one of its events tells it ({type, timestamp, data}, schemas/events). */
const fromEvent = (event) => {
  const data = event.data || {};
  return compact({
    id: data.runId,
    runId: data.runId,
    flow: data.flow,
    status: data.status,
    event: event.type,
    finishedAt: TERMINAL.includes(data.status) ? event.timestamp : undefined,
    eventAt: event.timestamp,
    leadId: data.leadId,
    projectId: data.projectId,
    jobId: data.jobId,
    analysisId: data.analysisId,
    auditId: data.repoAudit && data.repoAudit.auditId,
    repoUrl: data.repoAudit && data.repoAudit.repoUrl,
    project: data.project,
    repoAudit: data.repoAudit,
    analysis: data.analysis,
    deliverables: data.deliverables,
    missing: data.missing,
    omitted: data.omitted,
    resultUrl: data.resultUrl,
    metadata: data.metadata || {},
    error: data.error,
  });
};

/** The runs API's answer to a hook: 202 {runId, flow, status, statusUrl}, or 200 with deduped: true. */
const fromHookAnswer = (answer) => ({
  id: answer.runId,
  runId: answer.runId,
  flow: answer.flow,
  status: answer.status,
  statusUrl: answer.statusUrl,
  deduped: Boolean(answer.deduped),
});

const SAMPLE_PROJECT = {
  id: '94b6265f-9ac6-4983-9df6-d760967da5eb',
  clientName: 'Morgan Analytics',
  industry: 'Retail',
  companySize: '11-50',
  description: 'Converted from the lead of Alex Morgan.',
  currency: 'USD',
  status: 'setup',
  hasAnalysis: true,
  hasInterviewAnalysis: true,
  hasAuditAnalysis: true,
};

/** A finished lead-to-audit run, the most common thing a Zap sees. */
const SAMPLE_RUN = {
  id: '692b9c34-08cc-4883-913c-7f93b8ee1438',
  runId: '692b9c34-08cc-4883-913c-7f93b8ee1438',
  flow: 'lead-to-audit',
  status: 'completed',
  event: 'audit.completed',
  finishedAt: '2026-01-15T09:04:37.864Z',
  leadId: '0914d19a-5672-3847-a8df-b9c655dc5f46',
  projectId: SAMPLE_PROJECT.id,
  jobId: '3cce9a4e-382b-42b8-b74c-84e29f9afd8b',
  analysisId: 'f75029c1-89dd-3075-8032-3738c5c435c8',
  project: SAMPLE_PROJECT,
  metadata: { crmId: '42' },
};

const SAMPLE_FAILED_RUN = {
  id: '95a67d3a-6b9e-4228-a6e4-1176a660d277',
  runId: '95a67d3a-6b9e-4228-a6e4-1176a660d277',
  flow: 'project-update',
  status: 'failed',
  event: 'run.failed',
  finishedAt: '2026-01-15T09:05:17.955Z',
  projectId: '00000000-0000-4000-8000-000000000001',
  metadata: { crmId: '42' },
  error: { code: 'NOT_FOUND', message: 'Project not found', upstreamStatus: 404 },
};

/** Labels for the fields a run item may carry; Zapier shows them when mapping later steps. */
const OUTPUT_FIELDS = [
  { key: 'id', label: 'ID (the run ID)' },
  { key: 'runId', label: 'Run ID' },
  { key: 'flow', label: 'Flow (lead-to-audit, project-analysis, project-update, repo-audit)' },
  { key: 'status', label: 'Status (queued, running, waiting, completed, failed, cancelled)' },
  { key: 'event', label: 'Event type' },
  { key: 'finishedAt', label: 'Finished at', type: 'datetime' },
  { key: 'leadId', label: 'Lead ID' },
  { key: 'projectId', label: 'Project ID' },
  { key: 'jobId', label: 'Analysis job ID' },
  { key: 'analysisId', label: 'Analysis ID' },
  { key: 'auditId', label: 'Repository audit ID' },
  { key: 'repoUrl', label: 'Repository URL' },
  { key: 'project__clientName', label: 'Project client name' },
  { key: 'project__industry', label: 'Project industry' },
  { key: 'repoAudit__markdown', label: 'Repository audit (markdown)' },
  { key: 'deliverables__executiveSummary__overview', label: 'Executive summary (when asked for)' },
  { key: 'resultUrl', label: 'Result URL (the whole result, with the API key)' },
  { key: 'error__code', label: 'Error code' },
  { key: 'error__message', label: 'Error message' },
  { key: 'error__upstreamStatus', label: 'Upstream HTTP status of the error', type: 'integer' },
];

module.exports = {
  FINAL_EVENTS,
  FLOW_CHOICES,
  TERMINAL,
  fromView,
  fromEvent,
  fromHookAnswer,
  compact,
  present,
  SAMPLE_RUN,
  SAMPLE_FAILED_RUN,
  OUTPUT_FIELDS,
};
