import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { AudityBridge } from '../nodes/AudityBridge/AudityBridge.node';
import { sign } from '../nodes/shared/signature';
import {
	DEMO_SIGNING,
	executeContext,
	node,
	RESUME_URL,
	waitingExecution,
	webhookContext,
} from './contexts';

const bridgeNode = new AudityBridge();
const accepted = {
	statusCode: 202,
	body: { runId: 'r-1', flow: 'lead-to-audit', status: 'queued' },
};

describe('the action node builds the bridge call of each operation', () => {
	it('sends lead arrived with the resume URL as callbackUrl and puts the execution to wait', async () => {
		const { context, calls, putExecutionToWait } = executeContext(
			{
				resource: 'lead',
				operation: 'arrived',
				leadId: ' lead-42 ',
				project: { industry: 'Retail', clientName: '', currency: 'EUR' },
				analyze: true,
				waitForResult: true,
				waitLimit: 30,
				options: {
					metadata: '{"crmId":"42"}',
					idempotencyKey: 'crm-42',
					notify: ['lead.converted'],
				},
			},
			[accepted],
		);
		const before = Date.now();

		const output = await bridgeNode.execute.call(context);

		expect(calls).toHaveLength(1);
		expect(calls[0]).toMatchObject({
			method: 'POST',
			url: 'http://bridge.test:8080/v1/hooks/lead-arrived',
			headers: { 'Idempotency-Key': 'crm-42' },
			json: true,
		});
		// notify is left out while waiting: an intermediate event would resume the execution too early.
		expect(calls[0].body).toEqual({
			leadId: 'lead-42',
			project: { industry: 'Retail', currency: 'EUR' },
			metadata: { crmId: '42' },
			callbackUrl: RESUME_URL,
		});
		const until = putExecutionToWait.mock.calls[0][0] as Date;
		expect(until.getTime() - before).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
		expect(until.getTime() - before).toBeLessThanOrEqual(30 * 60_000 + 5000);
		expect(output).toEqual([[{ json: { from: 'trigger' } }]]);
	});

	it('sends lead arrived without waiting: its own callback URL, notify, no analysis, and outputs the answer', async () => {
		const { context, calls, putExecutionToWait } = executeContext(
			{
				resource: 'lead',
				operation: 'arrived',
				leadId: 'lead-42',
				analyze: false,
				waitForResult: false,
				options: { callbackUrl: 'https://crm.example/hooks/audity', notify: ['lead.converted'] },
			},
			[accepted],
		);

		const output = await bridgeNode.execute.call(context);

		expect(calls[0].body).toEqual({
			leadId: 'lead-42',
			analysis: 'none',
			callbackUrl: 'https://crm.example/hooks/audity',
			notify: ['lead.converted'],
		});
		expect(calls[0].headers).toBeUndefined();
		expect(putExecutionToWait).not.toHaveBeenCalled();
		expect(output).toEqual([[{ json: accepted.body, pairedItem: { item: 0 } }]]);
	});

	it('asks for the parts of the finished audit chosen, and leaves include out when none is', async () => {
		const withParts = executeContext(
			{
				resource: 'lead',
				operation: 'arrived',
				leadId: 'lead-42',
				include: ['analysis', 'deliverables'],
				waitForResult: false,
			},
			[accepted],
		);
		const analyzeWithout = executeContext(
			{ resource: 'project', operation: 'analyze', projectId: 'p-1', include: [], waitForResult: false },
			[accepted],
		);

		await bridgeNode.execute.call(withParts.context);
		await bridgeNode.execute.call(analyzeWithout.context);

		expect(withParts.calls[0].body).toEqual({ leadId: 'lead-42', include: ['analysis', 'deliverables'] });
		expect(analyzeWithout.calls[0].body).toEqual({ projectId: 'p-1' });
	});

	it('waits for one item only', async () => {
		const { context, calls } = executeContext(
			{ resource: 'project', operation: 'analyze', projectId: 'p-1', waitForResult: true },
			[],
			{ items: [{ json: {} }, { json: {} }] },
		);

		await expect(bridgeNode.execute.call(context)).rejects.toThrow(/one item per execution/);
		expect(calls).toHaveLength(0);
	});

	it('reads a deduped run that already ended instead of waiting for a callback that went elsewhere', async () => {
		const { context, calls, putExecutionToWait } = executeContext(
			{ resource: 'lead', operation: 'arrived', leadId: 'lead-42', waitForResult: true },
			[
				{ statusCode: 200, body: { runId: 'r-1', status: 'completed', deduped: true } },
				{
					statusCode: 200,
					body: {
						runId: 'r-1',
						flow: 'lead-to-audit',
						status: 'completed',
						input: { leadId: 'lead-42', metadata: { crmId: '42' } },
						result: { leadId: 'lead-42', projectId: 'p-1', analysisId: 'a-1' },
					},
				},
			],
		);

		const output = await bridgeNode.execute.call(context);

		expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
			'POST http://bridge.test:8080/v1/hooks/lead-arrived',
			'GET http://bridge.test:8080/v1/runs/r-1',
		]);
		expect(putExecutionToWait).not.toHaveBeenCalled();
		expect(output[0][0].json).toMatchObject({
			type: 'audit.completed',
			runId: 'r-1',
			analysisId: 'a-1',
			metadata: { crmId: '42' },
			deduped: true,
		});
	});

	it('fails on a deduped run that already failed, or outputs it as an error item when the node continues on fail', async () => {
		const answers = () => [
			{ statusCode: 200, body: { runId: 'r-1', status: 'failed', deduped: true } },
			{
				statusCode: 200,
				body: {
					runId: 'r-1',
					flow: 'lead-to-audit',
					status: 'failed',
					input: { leadId: 'lead-42' },
					error: { code: 'NOT_FOUND', message: 'Lead not found' },
				},
			},
		];
		const parameters = {
			resource: 'lead',
			operation: 'arrived',
			leadId: 'lead-42',
			waitForResult: true,
		};
		const stops = executeContext(parameters, answers());
		const goesOn = executeContext(parameters, answers(), {
			continueOnFail: true,
			node: node({ onError: 'continueRegularOutput' }),
		});

		const error = await bridgeNode.execute.call(stops.context).catch((e: unknown) => e);
		const output = await bridgeNode.execute.call(goesOn.context);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe('Run r-1 failed: NOT_FOUND: Lead not found');
		expect(stops.putExecutionToWait).not.toHaveBeenCalled();
		expect(output[0][0].json).toEqual({
			error: 'Run r-1 failed: NOT_FOUND: Lead not found',
			details: {
				type: 'run.failed',
				runId: 'r-1',
				flow: 'lead-to-audit',
				status: 'failed',
				metadata: {},
				deduped: true,
				error: { code: 'NOT_FOUND', message: 'Lead not found' },
			},
		});
		expect(output[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('updates a project with the changes given, and refuses an update that changes nothing before sending it', async () => {
		const update = {
			resource: 'project',
			operation: 'update',
			projectId: 'p-1',
			waitForResult: false,
		};
		const sent = executeContext({ ...update, changes: { description: 'A shop', industry: '' } }, [
			accepted,
		]);
		const empty = executeContext({ ...update, changes: { industry: '' } }, []);

		await bridgeNode.execute.call(sent.context);

		expect(sent.calls[0]).toMatchObject({
			url: 'http://bridge.test:8080/v1/hooks/project-update',
			body: { projectId: 'p-1', changes: { description: 'A shop' } },
		});
		await expect(bridgeNode.execute.call(empty.context)).rejects.toThrow(NodeOperationError);
		expect(empty.calls).toHaveLength(0);
	});

	it('audits a repository only with the publish consent', async () => {
		const audit = {
			resource: 'repository',
			operation: 'audit',
			repoUrl: 'https://github.com/o/r',
			waitForResult: false,
		};
		const consented = executeContext({ ...audit, publishConsent: true }, [accepted]);
		const refused = executeContext({ ...audit, publishConsent: false }, []);

		await bridgeNode.execute.call(consented.context);

		expect(consented.calls[0]).toMatchObject({
			url: 'http://bridge.test:8080/v1/hooks/repo-audit-requested',
			body: { repoUrl: 'https://github.com/o/r', publishConsent: true },
		});
		await expect(bridgeNode.execute.call(refused.context)).rejects.toThrow(/Publish Consent/);
		expect(refused.calls).toHaveLength(0);
	});

	it('runs the lead sync as a dry run unless told otherwise', async () => {
		const dry = executeContext({ resource: 'lead', operation: 'sync' }, [
			{ statusCode: 200, body: { dryRun: true } },
		]);
		const now = executeContext({ resource: 'lead', operation: 'sync', dryRun: false }, [
			{ statusCode: 202, body: { scheduled: true } },
		]);

		await bridgeNode.execute.call(dry.context);
		await bridgeNode.execute.call(now.context);

		expect(dry.calls[0]).toMatchObject({
			method: 'POST',
			url: 'http://bridge.test:8080/v1/lead-sync',
			qs: { dryRun: true },
		});
		expect(now.calls[0].qs).toBeUndefined();
	});

	it('pages through the runs with their cursor when asked for all', async () => {
		const { context, calls } = executeContext(
			{
				resource: 'run',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'completed', flow: '' },
			},
			[
				{
					statusCode: 200,
					body: { runs: [{ runId: 'r-3' }, { runId: 'r-2' }], nextCursor: 'c-2' },
				},
				{ statusCode: 200, body: { runs: [{ runId: 'r-1' }], nextCursor: null } },
			],
		);

		const output = await bridgeNode.execute.call(context);

		expect(calls.map((c) => c.qs)).toEqual([
			{ status: 'completed', limit: 100 },
			{ status: 'completed', limit: 100, cursor: 'c-2' },
		]);
		expect(output[0].map((i) => i.json.runId)).toEqual(['r-3', 'r-2', 'r-1']);
	});

	it("turns the bridge's problem into the node's error, or an error item when it continues on fail", async () => {
		const conflict = {
			statusCode: 409,
			body: {
				code: 'RUN_ALREADY_ENDED',
				title: 'Run already ended',
				detail: 'Run r-1 is completed.',
			},
		};
		const stops = executeContext({ resource: 'run', operation: 'cancel', runId: 'r-1' }, [
			{ ...conflict },
		]);
		const goesOn = executeContext(
			{ resource: 'run', operation: 'cancel', runId: 'r-1' },
			[{ ...conflict }],
			{
				continueOnFail: true,
			},
		);

		const error = await bridgeNode.execute.call(stops.context).catch((e: unknown) => e);
		const output = await bridgeNode.execute.call(goesOn.context);

		expect(stops.calls[0]).toMatchObject({
			method: 'POST',
			url: 'http://bridge.test:8080/v1/runs/r-1/cancel',
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('RUN_ALREADY_ENDED: Run already ended');
		expect((error as NodeApiError).httpCode).toBe('409');
		expect(output[0][0].json.error).toBe('RUN_ALREADY_ENDED: Run already ended');
	});
});

describe("the action node resumes on the bridge's final event", () => {
	const completed = JSON.stringify({
		type: 'audit.completed',
		timestamp: '2026-01-01T00:00:00Z',
		data: {
			runId: 'r-1',
			flow: 'lead-to-audit',
			status: 'completed',
			projectId: 'p-1',
			analysisId: 'a-1',
			metadata: {},
		},
	});
	const failed = JSON.stringify({
		type: 'run.failed',
		timestamp: '2026-01-01T00:00:00Z',
		data: {
			runId: 'r-1',
			flow: 'lead-to-audit',
			status: 'failed',
			error: { code: 'INSUFFICIENT_CREDITS', message: 'no credits' },
		},
	});

	function signed(body: string, secret = DEMO_SIGNING) {
		const now = Math.floor(Date.now() / 1000);
		return {
			headers: {
				'webhook-id': 'd-1',
				'webhook-timestamp': String(now),
				'webhook-signature': sign(secret, 'd-1', now, body),
			},
			rawBody: body,
		};
	}

	it('outputs the result of a verified audit.completed', async () => {
		const { context, sent } = webhookContext(signed(completed), { signingSecret: DEMO_SIGNING });

		const answer = await bridgeNode.webhook.call(context);

		expect(sent.status).toBeUndefined();
		expect(answer.workflowData).toEqual([
			[
				{
					json: {
						type: 'audit.completed',
						timestamp: '2026-01-01T00:00:00Z',
						runId: 'r-1',
						flow: 'lead-to-audit',
						status: 'completed',
						projectId: 'p-1',
						analysisId: 'a-1',
						metadata: {},
					},
				},
			],
		]);
	});

	it('answers 401 to an event whose signature does not verify, and keeps the execution waiting', async () => {
		const forged = signed(completed, 'whsec_b3RoZXItc2VjcmV0LW9mLXRlc3RzLTAx');
		const { context, sent } = webhookContext(forged, { signingSecret: DEMO_SIGNING });

		const answer = await bridgeNode.webhook.call(context);

		expect(sent.status).toBe(401);
		expect(answer).toEqual({ noWebhookResponse: true });
	});

	it('takes the event unchecked when the credential has no signing secret', async () => {
		const { context } = webhookContext({ headers: {}, rawBody: completed });

		const answer = await bridgeNode.webhook.call(context);

		expect(answer.workflowData?.[0][0].json.analysisId).toBe('a-1');
	});

	it('answers the bridge and fails the resumed node on run.failed when the node stops on errors', async () => {
		const { waiting, runExecutionData } = waitingExecution();
		const { context, sent } = webhookContext(signed(failed), {
			signingSecret: DEMO_SIGNING,
			runExecutionData,
		});

		const answer = await bridgeNode.webhook.call(context);

		// n8n answers 200 and resumes; it then fails the node with the resume error instead of passing items on.
		expect(sent.status).toBeUndefined();
		expect(answer.workflowData?.[0][0].json).toMatchObject({ type: 'run.failed', runId: 'r-1' });
		const error = waiting.metadata?.resumeError;
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toBe('Run r-1 failed: INSUFFICIENT_CREDITS: no credits');
	});

	it('throws on run.failed when it cannot reach the execution being resumed, or when that waits in another node', async () => {
		const none = webhookContext(signed(failed), { signingSecret: DEMO_SIGNING });
		const other = waitingExecution('Another node');
		const elsewhere = webhookContext(signed(failed), {
			signingSecret: DEMO_SIGNING,
			runExecutionData: other.runExecutionData,
		});

		const thrown = await bridgeNode.webhook.call(none.context).catch((e: unknown) => e);
		const thrownElsewhere = await bridgeNode.webhook
			.call(elsewhere.context)
			.catch((e: unknown) => e);

		expect(thrown).toBeInstanceOf(NodeOperationError);
		expect((thrown as Error).message).toBe('Run r-1 failed: INSUFFICIENT_CREDITS: no credits');
		expect(thrownElsewhere).toBeInstanceOf(NodeOperationError);
		expect(other.waiting.metadata).toBeUndefined();
	});

	it('outputs run.failed as an error item when the node continues on fail, and leaves the execution as it is', async () => {
		for (const onError of ['continueRegularOutput', 'continueErrorOutput'] as const) {
			const { waiting, runExecutionData } = waitingExecution();
			const { context, sent } = webhookContext(signed(failed), {
				signingSecret: DEMO_SIGNING,
				node: node({ onError }),
				runExecutionData,
			});

			const answer = await bridgeNode.webhook.call(context);

			expect(sent.status).toBeUndefined();
			// Only `error` and `details`: n8n sends such an item out on the error output when the node has one.
			expect(answer.workflowData).toEqual([
				[
					{
						json: {
							error: 'Run r-1 failed: INSUFFICIENT_CREDITS: no credits',
							details: {
								type: 'run.failed',
								timestamp: '2026-01-01T00:00:00Z',
								runId: 'r-1',
								flow: 'lead-to-audit',
								status: 'failed',
								error: { code: 'INSUFFICIENT_CREDITS', message: 'no credits' },
							},
						},
					},
				],
			]);
			expect(waiting.metadata).toBeUndefined();
		}
	});
});
