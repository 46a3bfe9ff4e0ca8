import {
	NodeApiError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

export const CREDENTIALS = 'audityBridgeApi';

/** One call of the bridge's API, as the nodes build it (path below the base URL). */
export interface BridgeCall {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: IDataObject;
}

export interface BridgeAnswer {
	statusCode: number;
	body: IDataObject;
}

type Context = IExecuteFunctions | IHookFunctions | IWebhookFunctions;

/** Sends a call with the credential's key; answers whatever status came back. */
export async function callBridge(this: Context, call: BridgeCall): Promise<BridgeAnswer> {
	const credentials = await this.getCredentials(CREDENTIALS);
	const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIALS, {
		method: call.method,
		url: `${baseUrl}${call.path}`,
		qs: call.qs,
		body: call.body,
		headers: call.headers,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	})) as { statusCode: number; body?: unknown };
	const body =
		typeof response.body === 'object' && response.body !== null
			? (response.body as IDataObject)
			: {};
	return { statusCode: response.statusCode, body };
}

/** Sends a call; a 4xx or 5xx becomes an error that carries the bridge's problem (code, detail, field errors). */
export async function bridgeRequest(this: Context, call: BridgeCall): Promise<IDataObject> {
	const answer = await callBridge.call(this, call);
	if (answer.statusCode >= 400) {
		throw problemError(this, answer);
	}
	return answer.body;
}

export function problemError(context: Context, answer: BridgeAnswer): NodeApiError {
	const problem = answer.body;
	const errors = Array.isArray(problem.errors)
		? (problem.errors as IDataObject[]).map((e) => `${e.field}: ${e.message}`).join('; ')
		: '';
	const code = problem.code ? `${problem.code}: ` : '';
	return new NodeApiError(context.getNode(), problem as JsonObject, {
		httpCode: String(answer.statusCode),
		message: `${code}${problem.title ?? `The bridge answered ${answer.statusCode}`}`,
		description: [problem.detail, errors].filter((s) => s).join(' ') || undefined,
	});
}
