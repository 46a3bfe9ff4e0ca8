import { vi } from 'vitest';
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

export const RESUME_URL = 'http://n8n.test:5678/webhook-waiting/7?signature=abc';
export const DEMO_SIGNING = 'whsec_ZGVtby1zaWduaW5nLXNlY3JldC1zaW11bGF0b3Itb25seQ==';

export interface Answer {
	statusCode: number;
	body?: IDataObject;
}

/** A waiting execution as n8n resumes it: the waiting node first on its stack. */
export function waitingExecution(nodeName = 'Audity Bridge') {
	const waiting: { node: { name: string }; data: IDataObject; metadata?: IDataObject } = {
		node: { name: nodeName },
		data: { main: [[{ json: { from: 'trigger' } }]] },
	};
	return { waiting, runExecutionData: { executionData: { nodeExecutionStack: [waiting] } } };
}

export function node(settings: Partial<INode> = {}): INode {
	return {
		id: 'node-1',
		name: 'Audity Bridge',
		type: 'n8n-nodes-audity-bridge.audityBridge',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...settings,
	};
}

/** The bridge as the helpers see it: each call is recorded and answered from the list, in order. */
function bridge(answers: Answer[]) {
	const calls: IHttpRequestOptions[] = [];
	const httpRequestWithAuthentication = vi.fn(
		async (credential: string, options: IHttpRequestOptions) => {
			if (credential !== 'audityBridgeApi') {
				throw new Error(`unexpected credential ${credential}`);
			}
			calls.push(options);
			const answer = answers.shift();
			if (!answer) {
				throw new Error(`no answer left for ${options.method} ${options.url}`);
			}
			return { statusCode: answer.statusCode, body: answer.body ?? {}, headers: {} };
		},
	);
	return { calls, helpers: { httpRequestWithAuthentication } };
}

const credentials =
	(signingSecret = '') =>
	async () => ({
		baseUrl: 'http://bridge.test:8080/',
		apiKey: 'key-1',
		signingSecret,
	});

export function executeContext(
	parameters: IDataObject,
	answers: Answer[],
	options: { items?: INodeExecutionData[]; continueOnFail?: boolean; node?: INode } = {},
) {
	const { calls, helpers } = bridge(answers);
	const putExecutionToWait = vi.fn<(until: Date) => Promise<void>>(async () => undefined);
	const context = {
		getInputData: () => options.items ?? [{ json: { from: 'trigger' } }],
		getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNode: () => options.node ?? node(),
		getCredentials: credentials(),
		continueOnFail: () => options.continueOnFail === true,
		evaluateExpression: (expression: string) => {
			if (expression !== '{{ $execution.resumeUrl }}') {
				throw new Error(`unexpected expression ${expression}`);
			}
			return RESUME_URL;
		},
		putExecutionToWait,
		helpers,
	};
	return { context: context as unknown as IExecuteFunctions, calls, putExecutionToWait };
}

export interface Sent {
	status?: number;
	body?: unknown;
}

export function webhookContext(
	request: { headers: IDataObject; rawBody: string; query?: IDataObject },
	options: {
		signingSecret?: string;
		staticData?: IDataObject;
		node?: INode;
		/** The execution n8n resumes, as its webhook context holds it (only for the resume URL). */
		runExecutionData?: IDataObject;
	} = {},
) {
	const sent: Sent = {};
	const response = {
		status(code: number) {
			sent.status = code;
			return response;
		},
		json(body: unknown) {
			sent.body = body;
			return response;
		},
	};
	const req = {
		headers: request.headers,
		rawBody: Buffer.from(request.rawBody, 'utf8'),
		body: JSON.parse(request.rawBody),
	};
	const context = {
		getRequestObject: () => req,
		getResponseObject: () => response,
		getBodyData: () => req.body,
		getQueryData: () => request.query ?? {},
		getNode: () => options.node ?? node(),
		getCredentials: credentials(options.signingSecret ?? ''),
		getWorkflowStaticData: () => options.staticData ?? {},
		runExecutionData: options.runExecutionData,
	};
	return { context: context as unknown as IWebhookFunctions, sent };
}

export function hookContext(parameters: IDataObject, answers: Answer[], staticData: IDataObject) {
	const { calls, helpers } = bridge(answers);
	const context = {
		getNodeParameter: (name: string, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
		getNode: () =>
			node({ name: 'Audity Bridge Trigger', type: 'n8n-nodes-audity-bridge.audityBridgeTrigger' }),
		getNodeWebhookUrl: () => 'http://n8n.test:5678/webhook/0f4c/webhook',
		getWorkflowStaticData: () => staticData,
		getCredentials: credentials(),
		helpers,
	};
	return { context: context as unknown as IHookFunctions, calls };
}
