'use strict';

const crypto = require('crypto');
const { receiver, asZapierRawRequest } = require('./support/receiver');
const { authData, call, convertedLead, appTester, App } = require('./support/bridge');

// REST hooks subscribe Zapier's URL (here a loopback receiver) on the bridge, receive its signed deliveries and
// unsubscribe; the polling trigger reads the runs API newest first.

const { run_finished: runFinished, run_failed: runFailed, new_run: newRun } = App.triggers;
let zapier;
let fixture;
let failedRunId;

// The bridge leaves the member out when there is no subscription.
const subscriptions = async () => (await call('GET', '/v1/subscriptions')).body.subscriptions || [];

/** A project update that has ended, with the answer held until then. */
const finishedUpdate = async (projectId, industry) => {
  const answer = await call('POST', '/v1/hooks/project-update?wait=25', { projectId, changes: { industry } });
  expect(answer.body.status).toBe('completed');
  return answer.body.runId;
};

/** The delivery as Zapier hands it to perform. */
const deliveryBundle = (delivery, subscribeData, inputData = {}) => ({
  authData,
  inputData,
  subscribeData,
  rawRequest: asZapierRawRequest(delivery),
  cleanedRequest: JSON.parse(delivery.body),
});

beforeAll(async () => {
  zapier = await receiver();
  fixture = await convertedLead();
});

afterAll(() => zapier.close());

describe('Run Failed (REST hook)', () => {
  test('subscribes, turns a signed delivery into the failed run, refuses a forged one, and unsubscribes', async () => {
    const targetUrl = zapier.url('/hooks/failed');
    const subscribeData = await appTester(runFailed.operation.performSubscribe, { authData, targetUrl, inputData: {} });

    expect(subscribeData).toEqual({ id: expect.any(String), secret: expect.stringMatching(/^whsec_/) });
    expect(await subscriptions()).toContainEqual(
      expect.objectContaining({ id: subscribeData.id, targetUrl, events: ['run.failed'] }),
    );

    const failing = await call('POST', '/v1/hooks/project-update', {
      projectId: crypto.randomUUID(),
      changes: { industry: 'Retail' },
      metadata: { ticket: 'T-1' },
    });
    failedRunId = failing.body.runId;
    const delivery = await zapier.next('/hooks/failed');
    const items = await appTester(runFailed.operation.perform, deliveryBundle(delivery, subscribeData));

    expect(items).toEqual([
      expect.objectContaining({
        id: failing.body.runId,
        runId: failing.body.runId,
        flow: 'project-update',
        status: 'failed',
        event: 'run.failed',
        metadata: { ticket: 'T-1' },
        error: { code: 'NOT_FOUND', message: expect.any(String), upstreamStatus: 404 },
      }),
    ]);

    const forged = { ...delivery, body: delivery.body.replace('T-1', 'T-2') };
    await expect(appTester(runFailed.operation.perform, deliveryBundle(forged, subscribeData))).rejects.toThrow(
      /not signed by the bridge/,
    );
    const otherSecret = { ...subscribeData, secret: `whsec_${crypto.randomBytes(32).toString('base64')}` };
    await expect(appTester(runFailed.operation.perform, deliveryBundle(delivery, otherSecret))).rejects.toThrow(
      /no v1 signature matches/,
    );

    const removed = await appTester(runFailed.operation.performUnsubscribe, { authData, subscribeData });
    expect(removed).toEqual({ id: subscribeData.id, removed: true });
    expect((await subscriptions()).map((s) => s.id)).not.toContain(subscribeData.id);
    const again = await appTester(runFailed.operation.performUnsubscribe, { authData, subscribeData });
    expect(again).toEqual({ id: subscribeData.id, removed: false });
  });
});

describe('Run Finished (REST hook)', () => {
  test("with a flow, subscribes to that flow's final event and delivers its runs", async () => {
    const inputData = { flow: 'project-update' };
    const subscribeData = await appTester(runFinished.operation.performSubscribe, {
      authData,
      targetUrl: zapier.url('/hooks/updated'),
      inputData,
    });
    expect((await subscriptions()).find((s) => s.id === subscribeData.id).events).toEqual(['project.updated']);

    const runId = await finishedUpdate(fixture.projectId, 'Aerospace');
    const delivery = await zapier.next('/hooks/updated');
    const items = await appTester(runFinished.operation.perform, deliveryBundle(delivery, subscribeData, inputData));

    expect(items).toEqual([
      expect.objectContaining({
        id: runId,
        status: 'completed',
        event: 'project.updated',
        projectId: fixture.projectId,
        project: expect.objectContaining({ industry: 'Aerospace' }),
      }),
    ]);
    await appTester(runFinished.operation.performUnsubscribe, { authData, subscribeData });
  });

  test('without a flow, subscribes to the final event of every flow', async () => {
    const subscribeData = await appTester(runFinished.operation.performSubscribe, {
      authData,
      targetUrl: zapier.url('/hooks/all'),
      inputData: {},
    });
    const { events } = (await subscriptions()).find((s) => s.id === subscribeData.id);

    expect([...events].sort()).toEqual(
      ['analysis.completed', 'audit.completed', 'project.updated', 'repo_audit.completed'].sort(),
    );
    await appTester(runFinished.operation.performUnsubscribe, { authData, subscribeData });
  });

  test('its samples are the latest finished runs, newest first, shaped like a delivery', async () => {
    const older = await finishedUpdate(fixture.projectId, 'Mining');
    const newer = await finishedUpdate(fixture.projectId, 'Energy');

    const samples = await appTester(runFinished.operation.performList, {
      authData,
      inputData: { flow: 'project-update' },
    });

    expect(samples.slice(0, 2).map((s) => s.id)).toEqual([newer, older]);
    expect(samples[0]).toMatchObject({ runId: newer, status: 'completed', event: 'project.updated' });
    expect(samples[0].input).toEqual({ projectId: fixture.projectId, changes: { industry: 'Energy' } });
  });
});

describe('New Run in Status (polling)', () => {
  test('lists runs newest first with their run ids as stable ids, the same on every poll', async () => {
    const older = await finishedUpdate(fixture.projectId, 'Textiles');
    const newer = await finishedUpdate(fixture.projectId, 'Furniture');
    const bundle = { authData, inputData: { status: 'completed', flow: 'project-update' } };

    const first = await appTester(newRun.operation.perform, bundle);
    const second = await appTester(newRun.operation.perform, bundle);

    expect(first.slice(0, 2).map((r) => r.id)).toEqual([newer, older]);
    expect(first.every((r) => r.id === r.runId && r.status === 'completed' && r.flow === 'project-update')).toBe(true);
    expect(second.map((r) => r.id)).toEqual(first.map((r) => r.id));
  });

  test('any status lists runs of every flow and status, and failed only the failed runs', async () => {
    const any = await appTester(newRun.operation.perform, { authData, inputData: { status: 'any' } });
    const failed = await appTester(newRun.operation.perform, { authData, inputData: { status: 'failed' } });

    expect(any.map((r) => r.id)).toEqual(expect.arrayContaining([fixture.runId, failedRunId]));
    expect(failed.map((r) => r.id)).toContain(failedRunId);
    expect(failed.every((r) => r.status === 'failed' && r.event === 'run.failed' && r.error.code)).toBe(true);
  });
});
