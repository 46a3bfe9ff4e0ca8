'use strict';

const fs = require('fs');
const zapier = require('zapier-platform-core');
const App = require('../../index');

// What the tests need of the bridge globalSetup started: its address and key, plain HTTP calls to it (to prepare
// and to check what the app did), the simulator's admin levers, and the app run as Zapier runs it.

const info = JSON.parse(fs.readFileSync(process.env.BRIDGE_TEST_INFO, 'utf8'));

const authData = { baseUrl: info.baseUrl, apiKey: info.apiKey };

const call = async (method, path, body, headers = {}) => {
  const response = await fetch(`${info.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${info.apiKey}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
};

/**
 * A new unconverted lead in the simulator's demo account (the seeded ones are few). One at a time: the simulator
 * numbers a new lead by the count of the account's leads, so two made at once get the same id.
 */
const newLead = async () => {
  const response = await fetch(`${info.baseUrl}/sim/admin/audity/leads`, {
    method: 'POST',
    headers: { 'X-Sim-Admin-Token': info.simAdminToken, 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: info.simToken, companyName: 'Zapier Test Co' }),
  });
  if (response.status !== 201) {
    throw new Error(`the simulator made no lead: ${response.status} ${await response.text()}`);
  }
  return (await response.json()).id;
};

/**
 * A converted lead and its project, through the bridge itself (analysis none, the answer held until the run ends).
 */
const convertedLead = async () => {
  const leadId = await newLead();
  const answer = await call('POST', '/v1/hooks/lead-arrived?wait=25', { leadId, analysis: 'none' });
  if (answer.status !== 200 || answer.body.status !== 'completed') {
    throw new Error(`the lead was not converted: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  const run = await call('GET', `/v1/runs/${answer.body.runId}`);
  return { leadId, runId: answer.body.runId, projectId: run.body.result.projectId };
};

/** Polls GET /v1/runs/{id} until the run has ended, within `timeoutMs`. */
const endedRun = async (runId, timeoutMs = 90000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await call('GET', `/v1/runs/${runId}`);
    if (['completed', 'failed', 'cancelled'].includes(run.body.status)) {
      return run.body;
    }
    if (Date.now() > deadline) {
      throw new Error(`run ${runId} still ${run.body.status} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const appTester = zapier.createAppTester(App);
const appHandler = zapier.createAppHandler(App);

/**
 * Runs a method of the app as Zapier's runtime does, with `callbackUrl` as what z.generateCallbackUrl() gives (the
 * app tester's is a fixed address outside this machine). Answers {results, status}: status CALLBACK when the step
 * asked for a callback and now waits for it.
 */
const runWithCallbackUrl = async (method, bundle, callbackUrl) => {
  const output = await appHandler({ command: 'execute', method, bundle, callback_url: callbackUrl });
  return { results: output.results, status: output.status };
};

module.exports = { info, authData, call, newLead, convertedLead, endedRun, appTester, runWithCallbackUrl, App };
