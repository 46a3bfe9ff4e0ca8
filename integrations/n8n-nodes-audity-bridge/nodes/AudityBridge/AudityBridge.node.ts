import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { receivedEvent } from '../shared/delivery';
import { continuesOnFail, eventItem, failure, FINAL_EVENT } from '../shared/events';
import { failOnResume } from '../shared/resume';
import { bridgeRequest, CREDENTIALS } from '../shared/transport';
import { properties } from './descriptions';
import { buildCall, InvalidParameter, isLong, nextPage, type Parameter } from './requests';

const FINAL_STATUSES = ['completed', 'failed', 'cancelled'];

/**
 * The resume URL ($execution.resumeUrl) that the bridge calls back with a run's final event while the execution
 * waits. A restart webhook lives only as long as one waiting execution: nothing is registered anywhere, so the node
 * has no webhook lifecycle (checkExists, create, delete) as a trigger has.
 */
const RESUME_WEBHOOK: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		path: '',
		restartWebhook: true,
	},
];

export class AudityBridge implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Audity Bridge',
		name: 'audityBridge',
		icon: {
			light: 'file:../../icons/audity-bridge.svg',
			dark: 'file:../../icons/audity-bridge.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send leads, projects and repositories to Audity through Audity Bridge, and wait for the result',
		defaults: {
			name: 'Audity Bridge',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIALS, required: true }],
		webhooks: RESUME_WEBHOOK,
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const waits =
			isLong(resource, operation) && this.getNodeParameter('waitForResult', 0, true) === true;
		if (waits) {
			if (items.length !== 1) {
				throw new NodeOperationError(
					this.getNode(),
					`Wait for Result handles one item per execution, and this node received ${items.length}: put a Loop Over Items node before it, or turn Wait for Result off`,
				);
			}
			return await waitForResult.call(this, resource, operation);
		}
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const parameter: Parameter = (name, fallback) => this.getNodeParameter(name, i, fallback);
				let call = buildCall(resource, operation, parameter);
				if (operation === 'getAll') {
					const returnAll = parameter('returnAll', false) === true;
					const limit = Number(parameter('limit', 50));
					const runs: IDataObject[] = [];
					for (;;) {
						const page = await bridgeRequest.call(this, call);
						runs.push(...((page.runs ?? []) as IDataObject[]));
						const next = nextPage(call, page);
						if (!next || (!returnAll && runs.length >= limit)) {
							break;
						}
						call = next;
					}
					for (const run of returnAll ? runs : runs.slice(0, limit)) {
						out.push({ json: run, pairedItem: { item: i } });
					}
				} else {
					out.push({ json: await bridgeRequest.call(this, call), pairedItem: { item: i } });
				}
			} catch (error) {
				if (this.continueOnFail()) {
					out.push({ json: { error: (error as Error).message }, pairedItem: { item: i } });
					continue;
				}
				throw wrap(this, error, i);
			}
		}
		return [out];
	}

	/** The bridge's final event, POSTed to this execution's resume URL: verified, then the node's output. */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const credentials = await this.getCredentials(CREDENTIALS);
		// The execution keeps waiting on a call refused here: a forged or damaged call does not resume it.
		const event = receivedEvent(this, String(credentials.signingSecret ?? '').trim());
		if (!event) {
			return { noWebhookResponse: true };
		}
		const item = eventItem(event);
		if (item.type !== 'run.failed' || continuesOnFail(this.getNode())) {
			return { workflowData: [[resultItem(this, item)]] };
		}
		// The bridge's call is answered 200 (its event arrived); the execution goes on with this node failed.
		const error = runFailed(this, item);
		if (!failOnResume(this, error)) {
			throw error;
		}
		return { workflowData: [[{ json: item }]] };
	}
}

/** Sends the hook with this execution's resume URL as callbackUrl and puts the execution to wait for it. */
async function waitForResult(
	this: IExecuteFunctions,
	resource: string,
	operation: string,
): Promise<INodeExecutionData[][]> {
	const parameter: Parameter = (name, fallback) => this.getNodeParameter(name, 0, fallback);
	const resumeUrl = String(this.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	let answer: IDataObject;
	try {
		answer = await bridgeRequest.call(this, buildCall(resource, operation, parameter, resumeUrl));
	} catch (error) {
		if (this.continueOnFail()) {
			return [[{ json: { error: (error as Error).message }, pairedItem: { item: 0 } }]];
		}
		throw wrap(this, error, 0);
	}
	if (answer.deduped === true) {
		return [[await dedupedResult(this, answer)]];
	}
	const minutes = Number(parameter('waitLimit', 120));
	await this.putExecutionToWait(new Date(Date.now() + minutes * 60_000));
	return [this.getInputData()];
}

/**
 * A run that existed before this call (same lead, or same idempotency key) sent or will send its final event to the
 * execution that started it. An ended one is read now; one still going cannot be waited for here.
 */
async function dedupedResult(
	context: IExecuteFunctions,
	answer: IDataObject,
): Promise<INodeExecutionData> {
	const runId = String(answer.runId);
	const run = await bridgeRequest.call(context, {
		method: 'GET',
		path: `/v1/runs/${encodeURIComponent(runId)}`,
	});
	if (!FINAL_STATUSES.includes(String(run.status))) {
		const message = `Run ${runId} was started earlier by another request (deduped) and is still ${run.status}: its result goes to that request's callback. Read it later with Run → Get.`;
		if (context.continueOnFail()) {
			return { json: { ...answer, error: message }, pairedItem: { item: 0 } };
		}
		throw new NodeOperationError(context.getNode(), message, { itemIndex: 0 });
	}
	const failed = run.status !== 'completed';
	const item: IDataObject = {
		type: failed ? 'run.failed' : FINAL_EVENT[String(run.flow)],
		runId,
		flow: run.flow,
		status: run.status,
		...((run.result ?? {}) as IDataObject),
		metadata: ((run.input ?? {}) as IDataObject).metadata ?? {},
		deduped: true,
	};
	if (failed) {
		item.error = run.error ?? { code: 'CANCELLED', message: 'the run was cancelled' };
	}
	return { ...resultItem(context, item), pairedItem: { item: 0 } };
}

/** A run.failed event as the node's error: "Run … failed: CODE: message". */
function runFailed(
	context: IExecuteFunctions | IWebhookFunctions,
	item: IDataObject,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), failure(item), {
		description: `The bridge ended run ${item.runId} with run.failed.`,
	});
}

/**
 * A final event as output. run.failed is the node's error, or, when the node continues on fail, an error item:
 * `error` in words and `details`, the event. n8n takes an item of only these members for an error: with On Error set
 * to "Continue (using error output)" it goes out on the error output.
 */
function resultItem(
	context: IExecuteFunctions | IWebhookFunctions,
	item: IDataObject,
): INodeExecutionData {
	if (item.type !== 'run.failed') {
		return { json: item };
	}
	const error = runFailed(context, item);
	if (!continuesOnFail(context.getNode())) {
		throw error;
	}
	return { json: { error: error.message, details: item } };
}

function wrap(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof InvalidParameter || error instanceof SyntaxError) {
		return new NodeOperationError(context.getNode(), error.message, { itemIndex });
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context = { ...(error.context ?? {}), itemIndex };
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
