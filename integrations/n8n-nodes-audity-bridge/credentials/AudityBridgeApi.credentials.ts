import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class AudityBridgeApi implements ICredentialType {
	name = 'audityBridgeApi';

	displayName = 'Audity Bridge API';

	icon: Icon = {
		light: 'file:../icons/audity-bridge.svg',
		dark: 'file:../icons/audity-bridge.dark.svg',
	};

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-audity-bridge#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:8080',
			placeholder: 'https://bridge.example.com',
			description: 'Where the bridge answers, without /v1',
			required: true,
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				"One of the bridge's API keys (BRIDGE_API_KEYS, or a key of a connection made through its admin API)",
			required: true,
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'whsec_…',
			description:
				"The connection's signing secret (BRIDGE_SIGNING_SECRET, or the one the admin API or GET /v1/signing-secret showed). When set, the Audity Bridge node verifies the signature of every result it waits for; leave empty to skip that check.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// An authenticated call that costs nothing: the newest run of the connection, if any.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/runs',
			qs: { limit: 1 },
			method: 'GET',
		},
	};
}
