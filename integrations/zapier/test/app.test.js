'use strict';

const zapier = require('zapier-platform-core');
const schema = require('zapier-platform-core/src/tools/schema');
const { info, authData, convertedLead, appTester, App } = require('./support/bridge');
const { receiver } = require('./support/receiver');

// The definition Zapier would load, the connection test against the real bridge, and the search.

describe('the app definition', () => {
  test('is valid for the Zapier platform it is built on', () => {
    expect(schema.validateApp(schema.prepareApp(App))).toEqual([]);
    expect(App.platformVersion).toBe(zapier.version);
  });

  test('has a sample and labelled, explained input fields on every action', () => {
    const actions = [...Object.values(App.creates), ...Object.values(App.triggers), ...Object.values(App.searches)];
    for (const action of actions) {
      expect(action.operation.sample).toEqual(expect.objectContaining({ id: expect.any(String) }));
      for (const field of action.operation.inputFields) {
        expect({ field: `${action.key}.${field.key}`, label: field.label, help: field.helpText }).toEqual({
          field: `${action.key}.${field.key}`,
          label: expect.stringMatching(/\w{2,}/),
          help: expect.stringMatching(/\w+ \w+ \w+/),
        });
      }
    }
  });
});

describe('the connection', () => {
  test('is tested with its key against the bridge and labelled with its host', async () => {
    await expect(appTester(App.authentication.test, { authData })).resolves.toMatchObject({ runs: expect.any(Array) });
    const label = await appTester(App.authentication.connectionLabel, { authData, inputData: {} });
    expect(label).toBe(new URL(info.baseUrl).host);
  });

  test('with a wrong key fails, saying the bridge refused the key', async () => {
    await expect(appTester(App.authentication.test, { authData: { ...authData, apiKey: 'wrong' } })).rejects.toThrow(
      /refused the API key/,
    );
  });

  test('sends the key only to its own bridge', async () => {
    const elsewhere = await receiver();
    try {
      await appTester((z) => z.request({ url: elsewhere.url('/elsewhere') }), { authData });
      const own = await appTester((z) => z.request({ url: `${info.baseUrl}/v1/runs` }).then((r) => r.request), {
        authData,
      });

      expect(elsewhere.received[0].headers.authorization).toBeUndefined();
      expect(own.headers.Authorization).toBe(`Bearer ${info.apiKey}`);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('Find Run', () => {
  let fixture;
  const find = (inputData) => appTester(App.searches.find_run.operation.perform, { authData, inputData });

  beforeAll(async () => {
    fixture = await convertedLead();
  });

  test('finds a run by its id', async () => {
    const found = await find({ runId: fixture.runId });
    expect(found).toEqual([
      expect.objectContaining({ id: fixture.runId, leadId: fixture.leadId, projectId: fixture.projectId }),
    ]);
  });

  test("finds a lead's run by the lead id", async () => {
    const found = await find({ leadId: fixture.leadId });
    expect(found.map((r) => r.id)).toEqual([fixture.runId]);
  });

  test('finds nothing for an unknown run or lead', async () => {
    expect(await find({ runId: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
    expect(await find({ leadId: 'no-such-lead' })).toEqual([]);
  });

  test('asks for a run id or a lead id', async () => {
    await expect(find({})).rejects.toThrow(/run id or a lead id/);
  });
});
