import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { AudityBridgeTrigger } from '../nodes/AudityBridgeTrigger/AudityBridgeTrigger.node';
import { sign } from '../nodes/shared/signature';
import { hookContext, webhookContext } from './contexts';

const trigger = new AudityBridgeTrigger();
const lifecycle = trigger.webhookMethods.default;
const SUBSCRIPTION_SIGNING = 'whsec_c3Vic2NyaXB0aW9uLXNlY3JldC0wMDAx';

describe('the trigger registers its webhook as a subscription of the bridge', () => {
	it('subscribes its webhook URL, marked, to the chosen events and keeps the id and secret', async () => {
		const staticData: IDataObject = {};
		const { context, calls } = hookContext(
			{ events: ['run.failed', 'audit.completed'] },
			[{ statusCode: 201, body: { id: 's-1', secret: SUBSCRIPTION_SIGNING } }],
			staticData,
		);

		expect(await lifecycle.create.call(context)).toBe(true);

		expect(calls[0]).toMatchObject({
			method: 'POST',
			url: 'http://bridge.test:8080/v1/subscriptions',
		});
		const body = calls[0].body as IDataObject;
		expect(body.events).toEqual(['audit.completed', 'run.failed']);
		expect(body.targetUrl).toMatch(
			/^http:\/\/n8n\.test:5678\/webhook\/0f4c\/webhook\?subscription=[0-9a-f]{24}$/,
		);
		expect(staticData).toEqual({
			subscriptionId: 's-1',
			secret: SUBSCRIPTION_SIGNING,
			target: body.targetUrl,
			events: ['audit.completed', 'run.failed'],
		});
	});

	it('finds its subscription by id, and forgets one the bridge no longer has', async () => {
		const registered = () => ({
			subscriptionId: 's-1',
			secret: SUBSCRIPTION_SIGNING,
			target: 'http://n8n.test/webhook/x?subscription=m',
			events: ['audit.completed'],
		});
		const kept = registered();
		const gone = registered();
		const exists = hookContext(
			{ events: ['audit.completed'] },
			[
				{
					statusCode: 200,
					body: { id: 's-1', targetUrl: kept.target, events: ['audit.completed'] },
				},
			],
			kept,
		);
		const missing = hookContext(
			{ events: ['audit.completed'] },
			[{ statusCode: 404, body: { code: 'NOT_FOUND' } }],
			gone,
		);

		expect(await lifecycle.checkExists.call(exists.context)).toBe(true);
		expect(await lifecycle.checkExists.call(missing.context)).toBe(false);

		expect(exists.calls[0]).toMatchObject({
			method: 'GET',
			url: 'http://bridge.test:8080/v1/subscriptions/s-1',
		});
		expect(kept.subscriptionId).toBe('s-1');
		expect(gone).toEqual({});
	});

	it('replaces a subscription made for other events', async () => {
		const staticData: IDataObject = {
			subscriptionId: 's-1',
			secret: SUBSCRIPTION_SIGNING,
			target: 'http://n8n.test/webhook/x?subscription=m',
			events: ['audit.completed'],
		};
		const { context, calls } = hookContext(
			{ events: ['audit.completed', 'run.failed'] },
			[
				{
					statusCode: 200,
					body: { id: 's-1', targetUrl: staticData.target, events: ['audit.completed'] },
				},
				{ statusCode: 204 },
			],
			staticData,
		);

		expect(await lifecycle.checkExists.call(context)).toBe(false);

		expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
			'GET http://bridge.test:8080/v1/subscriptions/s-1',
			'DELETE http://bridge.test:8080/v1/subscriptions/s-1',
		]);
		expect(staticData).toEqual({});
	});

	it('deletes its subscription on deactivation, and counts one already gone as deleted', async () => {
		const staticData: IDataObject = { subscriptionId: 's-1', secret: SUBSCRIPTION_SIGNING };
		const again: IDataObject = { subscriptionId: 's-1', secret: SUBSCRIPTION_SIGNING };
		const deleted = hookContext({}, [{ statusCode: 204 }], staticData);
		const alreadyGone = hookContext({}, [{ statusCode: 404 }], again);
		const failing = hookContext({}, [{ statusCode: 503 }], { subscriptionId: 's-2' });

		expect(await lifecycle.delete.call(deleted.context)).toBe(true);
		expect(await lifecycle.delete.call(alreadyGone.context)).toBe(true);
		expect(await lifecycle.delete.call(failing.context)).toBe(false);

		expect(deleted.calls[0]).toMatchObject({
			method: 'DELETE',
			url: 'http://bridge.test:8080/v1/subscriptions/s-1',
		});
		expect(staticData).toEqual({});
		expect(again).toEqual({});
	});
});

describe('the trigger verifies each delivery', () => {
	const registration = {
		subscriptionId: 's-1',
		secret: SUBSCRIPTION_SIGNING,
		target: 'http://n8n.test/webhook/x/webhook?subscription=mark-1',
		events: ['audit.completed'],
	};
	const body = JSON.stringify({
		type: 'audit.completed',
		timestamp: '2026-01-01T00:00:00Z',
		data: { runId: 'r-1', analysisId: 'a-1' },
	});

	function delivery(secret: string, mark = 'mark-1') {
		const now = Math.floor(Date.now() / 1000);
		return {
			headers: {
				'webhook-id': 'd-9',
				'webhook-timestamp': String(now),
				'webhook-signature': sign(secret, 'd-9', now, body),
			},
			rawBody: body,
			query: { subscription: mark },
		};
	}

	it('starts the workflow with a delivery signed by its subscription', async () => {
		const { context, sent } = webhookContext(delivery(SUBSCRIPTION_SIGNING), {
			staticData: { ...registration },
		});

		const answer = await trigger.webhook.call(context);

		expect(sent.status).toBeUndefined();
		expect(answer.workflowData?.[0][0].json).toEqual({
			type: 'audit.completed',
			timestamp: '2026-01-01T00:00:00Z',
			runId: 'r-1',
			analysisId: 'a-1',
			webhookId: 'd-9',
		});
	});

	it('answers 401 to a delivery that does not verify', async () => {
		const { context, sent } = webhookContext(delivery('whsec_b3RoZXItc2VjcmV0LW9mLXRlc3RzLTAx'), {
			staticData: { ...registration },
		});

		expect(await trigger.webhook.call(context)).toEqual({ noWebhookResponse: true });
		expect(sent.status).toBe(401);
	});

	it('answers 410 to a delivery of a subscription it no longer knows, so that the bridge removes it', async () => {
		const other = webhookContext(delivery(SUBSCRIPTION_SIGNING, 'mark-0'), {
			staticData: { ...registration },
		});
		const none = webhookContext(delivery(SUBSCRIPTION_SIGNING), { staticData: {} });

		expect(await trigger.webhook.call(other.context)).toEqual({ noWebhookResponse: true });
		expect(await trigger.webhook.call(none.context)).toEqual({ noWebhookResponse: true });
		expect(other.sent.status).toBe(410);
		expect(none.sent.status).toBe(410);
	});
});
