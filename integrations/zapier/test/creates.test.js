'use strict';

const crypto = require('crypto');
const { receiver, asZapierRawRequest } = require('./support/receiver');
const {
  info,
  authData,
  call,
  newLead,
  convertedLead,
  appTester,
  runWithCallbackUrl,
  App,
} = require('./support/bridge');

// Each create starts a real run on the bridge. A step that waits hands the bridge a callback URL on this machine
// (what z.generateCallbackUrl() gives on Zapier), pauses, and performResume turns the callback the bridge really
// sent into the step's output.

const creates = App.creates;
let zapier;
let fixture;
let leadId;
const waiting = {};

/** Starts a create that waits; resolves with what perform answered and the callback that came for it. */
const startWaiting = (key, inputData, name = key) => {
  const path = `/callback/${name}`;
  const bundle = { authData, inputData: { ...inputData, waitForResult: true } };
  const both = (async () => {
    const started = await runWithCallbackUrl(`creates.${key}.operation.perform`, bundle, zapier.url(path));
    if (started.status !== 'CALLBACK') {
      throw new Error(`${key} did not pause for a callback: ${JSON.stringify(started)}`);
    }
    const delivery = await zapier.next(path).catch(async (error) => {
      const run = await call('GET', `/v1/runs/${started.results.runId}`);
      throw new Error(`${error.message}; the run is now ${JSON.stringify(run.body)}`);
    });
    return { inputData: bundle.inputData, path, started, delivery };
  })();
  both.catch(() => {}); // awaited by its test; reported there
  return both;
};

/** performResume as Zapier calls it: perform's output, the callback parsed and as it came. */
const resume = (key, waited, secret = info.signingSecret) =>
  appTester(creates[key].operation.performResume, {
    authData: { ...authData, signingSecret: secret },
    inputData: waited.inputData,
    outputData: waited.started.results,
    cleanedRequest: JSON.parse(waited.delivery.body),
    rawRequest: asZapierRawRequest(waited.delivery),
  });

/** The waiting step `name` (a create's key unless said), resumed with the callback that came for it. */
const resumed = async (name, key = name) => {
  const waited = await waiting[name];
  return { waited, runId: waited.started.results.runId, output: await resume(key, waited) };
};

beforeAll(async () => {
  zapier = await receiver();
  leadId = await newLead();
  fixture = await convertedLead();
  // All four runs go at once; the longest, a lead to audit with its analysis, takes about 25 s in the simulator.
  waiting.lead_arrived = startWaiting('lead_arrived', {
    leadId,
    project_industry: 'Logistics',
    project_currency: 'EUR',
    metadata: { crmId: '42' },
  });
  waiting.analyse_project = startWaiting('analyse_project', {
    projectId: fixture.projectId,
    include: ['deliverables'],
  });
  waiting.update_project = startWaiting('update_project', {
    projectId: fixture.projectId,
    changes_clientName: 'Renamed by Zapier',
    metadata: { zap: 'update' },
  });
  waiting.failing_update = startWaiting(
    'update_project',
    { projectId: crypto.randomUUID(), changes_industry: 'Retail' },
    'failing_update',
  );
  waiting.audit_repository = startWaiting('audit_repository', {
    repoUrl: 'https://github.com/octo/zapier-app',
    publishConsent: true,
  });
});

afterAll(() => zapier.close());

describe('a create that waits for the result', () => {
  test('Convert Lead to Audit pauses on a real run and resumes with the audited project', async () => {
    const waited = await waiting.lead_arrived;
    const { runId } = waited.started.results;

    expect(waited.started.status).toBe('CALLBACK');
    expect(waited.started.results).toMatchObject({
      id: runId,
      flow: 'lead-to-audit',
      status: 'queued',
      deduped: false,
    });
    const run = await call('GET', `/v1/runs/${runId}`);
    expect(run.body.input).toMatchObject({ leadId, callbackUrl: zapier.url(waited.path) });

    const output = await resume('lead_arrived', waited);

    expect(output).toMatchObject({
      id: runId,
      runId,
      flow: 'lead-to-audit',
      status: 'completed',
      event: 'audit.completed',
      leadId,
      metadata: { crmId: '42' },
      project: { industry: 'Logistics', currency: 'EUR' },
    });
    expect(output.projectId).toBe(output.project.id);
    expect(output.analysisId).toEqual(expect.any(String));
    expect(output.finishedAt).toEqual(expect.any(String));
  });

  test('Analyse Project resumes with the analysis of the project and the deliverables asked for', async () => {
    const { runId, output } = await resumed('analyse_project');

    expect(output).toMatchObject({
      id: runId,
      flow: 'project-analysis',
      status: 'completed',
      event: 'analysis.completed',
      projectId: fixture.projectId,
    });
    expect(output.analysisId).toEqual(expect.any(String));
    expect(output.jobId).toEqual(expect.any(String));
    const result = await call('GET', `/v1/runs/${runId}/result`);
    expect(output.deliverables).toEqual(result.body.deliverables);
    expect(output.deliverables.executiveSummary).toEqual(expect.any(Object));
    expect(output.resultUrl).toBe(`/v1/runs/${runId}/result`);
    expect(output.analysis).toBeUndefined();
  });

  test('Update Project resumes with the project as Audity saved it', async () => {
    const { runId, output } = await resumed('update_project');

    expect(output).toMatchObject({
      id: runId,
      flow: 'project-update',
      status: 'completed',
      event: 'project.updated',
      projectId: fixture.projectId,
      project: { id: fixture.projectId, clientName: 'Renamed by Zapier' },
      metadata: { zap: 'update' },
    });
  });

  test('Audit Repository resumes with the critique and its neighbours', async () => {
    const { runId, output } = await resumed('audit_repository');

    expect(output).toMatchObject({
      id: runId,
      flow: 'repo-audit',
      status: 'completed',
      event: 'repo_audit.completed',
      repoUrl: 'https://github.com/octo/zapier-app',
      repoAudit: { status: 'complete' },
    });
    expect(output.repoAudit.markdown).toContain('octo/zapier-app');
    expect(output.repoAudit.neighbors.length).toBeGreaterThan(0);
    expect(output.auditId).toBe(output.repoAudit.auditId);
  });
});

describe('a create that waits for a run that fails', () => {
  test('resumes with the failed run and its error, for a later step to branch on', async () => {
    const { runId, output } = await resumed('failing_update', 'update_project');

    expect(output).toMatchObject({
      runId,
      flow: 'project-update',
      status: 'failed',
      event: 'run.failed',
      error: { code: 'NOT_FOUND', upstreamStatus: 404 },
    });
  });
});

describe('performResume and the callback it is given', () => {
  test('a callback whose body was changed is refused when the connection has the signing secret', async () => {
    const waited = await waiting.update_project;
    const body = waited.delivery.body.replace('Renamed', 'Forged');
    const forged = { ...waited, delivery: { ...waited.delivery, body } };

    await expect(resume('update_project', forged)).rejects.toThrow(/INVALID_SIGNATURE|not signed by the bridge/);
  });

  test('a callback signed with another secret is refused', async () => {
    const waited = await waiting.update_project;
    const other = `whsec_${crypto.randomBytes(32).toString('base64')}`;

    await expect(resume('update_project', waited, other)).rejects.toThrow(/no v1 signature matches/);
  });

  test('with the signing secret, a callback without its raw request is refused', async () => {
    const waited = await waiting.update_project;
    const bundle = {
      authData: { ...authData, signingSecret: info.signingSecret },
      inputData: waited.inputData,
      outputData: waited.started.results,
      cleanedRequest: JSON.parse(waited.delivery.body),
    };

    await expect(appTester(creates.update_project.operation.performResume, bundle)).rejects.toThrow(
      /raw request body is missing/,
    );
  });

  test('without the signing secret the parsed callback is used as it is, with no check', async () => {
    const waited = await waiting.update_project;
    const output = await appTester(creates.update_project.operation.performResume, {
      authData,
      inputData: waited.inputData,
      outputData: waited.started.results,
      cleanedRequest: JSON.parse(waited.delivery.body),
    });

    expect(output).toMatchObject({ runId: waited.started.results.runId, status: 'completed' });
  });

  test("a callback about another step's run does not resume this one", async () => {
    const [update, analysis] = await Promise.all([waiting.update_project, waiting.analyse_project]);
    const crossed = { ...update, started: analysis.started };

    await expect(resume('update_project', crossed)).rejects.toThrow(/not about its run/);
  });
});

describe('a create that does not wait', () => {
  test('answers at once with the queued run, gives the bridge no callback URL and does not pause', async () => {
    const lead = await newLead();
    // Parts of an audit that will not run are not asked for (the bridge would refuse include with analysis none).
    const answer = await runWithCallbackUrl(
      'creates.lead_arrived.operation.perform',
      { authData, inputData: { leadId: lead, analysis: 'none', include: ['analysis'] } },
      zapier.url('/callback/never'),
    );

    expect(answer.status).not.toBe('CALLBACK');
    expect(answer.results).toMatchObject({ flow: 'lead-to-audit', status: 'queued', deduped: false });
    expect(answer.results.statusUrl).toBe(`/v1/runs/${answer.results.runId}`);
    const run = await call('GET', `/v1/runs/${answer.results.runId}`);
    expect(run.body.input).toEqual({ leadId: lead, analysis: 'none' });
  });

  test('a lead sent again answers with its one run, even when the step would wait', async () => {
    const answer = await runWithCallbackUrl(
      'creates.lead_arrived.operation.perform',
      { authData, inputData: { leadId: fixture.leadId, waitForResult: true } },
      zapier.url('/callback/again'),
    );

    expect(answer.status).not.toBe('CALLBACK');
    expect(answer.results).toMatchObject({
      id: fixture.runId,
      status: 'completed',
      leadId: fixture.leadId,
      projectId: fixture.projectId,
      deduped: true,
    });
  });

  test('an idempotency key sent again answers with the same run', async () => {
    const bundle = { authData, inputData: { projectId: fixture.projectId, idempotencyKey: `key-${Date.now()}` } };
    const first = await appTester(creates.analyse_project.operation.perform, bundle);
    const again = await appTester(creates.analyse_project.operation.perform, bundle);

    expect(first.deduped).toBe(false);
    expect(again).toMatchObject({ runId: first.runId, flow: 'project-analysis', deduped: true });
  });

  test("a refused request stops the step with the bridge's own reason", async () => {
    const bundle = { authData, inputData: { repoUrl: 'https://gitlab.com/owner/repo', publishConsent: true } };

    await expect(appTester(creates.audit_repository.operation.perform, bundle)).rejects.toThrow(
      /must be a public GitHub repository URL/,
    );
  });
});
