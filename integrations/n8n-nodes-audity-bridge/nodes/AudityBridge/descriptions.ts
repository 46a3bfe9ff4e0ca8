import type { INodeProperties } from 'n8n-workflow';
import { EVENT_TYPES } from '../shared/events';

/** The operations that start a run, and so may wait for its final event. */
export const LONG_OPERATIONS: Record<string, string[]> = {
	lead: ['arrived'],
	project: ['analyze', 'update'],
	repository: ['audit'],
};

const LONG = {
	resource: Object.keys(LONG_OPERATIONS),
	operation: Object.values(LONG_OPERATIONS).flat(),
};

function showFor(resource: string, operations: string[]) {
	return { show: { resource: [resource], operation: operations } };
}

/** The parts of the finished audit a run may carry in its result and final event (the bridge's `include`). */
function includeField(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		options: [
			{
				name: 'Analysis',
				value: 'analysis',
				description: "The project's audit analysis, as Audity answers it",
			},
			{
				name: 'Deliverables',
				value: 'deliverables',
				description:
					'The executive summary, opportunity matrix, risk assessment and stakeholder memos',
			},
		],
		default: [],
		displayOptions: showFor(resource, [operation]),
		description:
			"Parts of the finished audit to carry in the result, read within the token's read budget. None chosen: the connection's default.",
	};
}

/** Audity's own PATCH rules for a project's fields, shown as hints (the bridge refuses what breaks them). */
function projectFields(
	name: string,
	displayName: string,
	description: string,
	displayOptions: INodeProperties['displayOptions'],
): INodeProperties {
	return {
		displayName,
		name,
		displayOptions,
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description,
		options: [
			{
				displayName: 'Client Name',
				name: 'clientName',
				type: 'string',
				default: '',
				hint: '1 to 200 characters',
			},
			{
				displayName: 'Company Size',
				name: 'companySize',
				type: 'string',
				default: '',
				placeholder: '11-50',
				hint: 'At most 50 characters',
			},
			{
				displayName: 'Currency',
				name: 'currency',
				type: 'string',
				default: '',
				placeholder: 'USD',
				hint: 'Three letters (ISO 4217)',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				hint: 'At most 5,000 characters',
			},
			{
				displayName: 'Industry',
				name: 'industry',
				type: 'string',
				default: '',
				hint: '1 to 100 characters',
			},
		],
	};
}

const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Lead', value: 'lead' },
		{ name: 'Project', value: 'project' },
		{ name: 'Repository', value: 'repository' },
		{ name: 'Run', value: 'run' },
	],
	default: 'lead',
};

const operations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lead'] } },
		options: [
			{
				name: 'Arrived',
				value: 'arrived',
				action: 'Convert a lead and audit it',
				description:
					'Convert the lead into a project (exactly once), patch its fields, run its audit analysis',
			},
			{
				name: 'Sync',
				value: 'sync',
				action: 'Sync leads',
				description: "Run the connection's lead sync now, or see what it would do",
			},
		],
		default: 'arrived',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['project'] } },
		options: [
			{
				name: 'Analyze',
				value: 'analyze',
				action: 'Analyze a project',
				description: "Trigger the project's audit analysis and wait for it upstream",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a project',
				description: "Change a project's fields",
			},
		],
		default: 'analyze',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['repository'] } },
		options: [
			{
				name: 'Audit',
				value: 'audit',
				action: 'Audit a repository',
				description: 'Audit a public GitHub repository (the audit is published)',
			},
		],
		default: 'audit',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['run'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a run',
				description: 'Stop a run at its next step',
			},
			{ name: 'Get', value: 'get', action: 'Get a run', description: 'A run with its timeline' },
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many runs',
				description: 'Runs of the connection, newest first',
			},
			{
				name: 'Retry',
				value: 'retry',
				action: 'Retry a run',
				description: 'Start a failed run again on the step that failed',
			},
		],
		default: 'get',
	},
];

const fields: INodeProperties[] = [
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: showFor('lead', ['arrived']),
		description: 'The Audity lead to convert',
		hint: '1 to 200 characters; no spaces, slashes or invisible characters',
	},
	projectFields(
		'project',
		'Project Fields',
		'Fields to set on the project the lead becomes',
		showFor('lead', ['arrived']),
	),
	{
		displayName: 'Analyze',
		name: 'analyze',
		type: 'boolean',
		default: true,
		displayOptions: showFor('lead', ['arrived']),
		description:
			'Whether to run the audit analysis after the conversion (off: the run ends once converted)',
	},
	includeField('lead', 'arrived'),
	includeField('project', 'analyze'),
	{
		displayName: 'Dry Run',
		name: 'dryRun',
		type: 'boolean',
		default: true,
		displayOptions: showFor('lead', ['sync']),
		description:
			'Whether to only report what a sync would convert and spend, spending nothing (off: the sync starts now)',
	},
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b',
		displayOptions: showFor('project', ['analyze', 'update']),
		hint: 'A UUID',
	},
	projectFields(
		'changes',
		'Changes',
		'The fields to change: at least one',
		showFor('project', ['update']),
	),
	{
		displayName: 'Repository URL',
		name: 'repoUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://github.com/owner/repo',
		displayOptions: showFor('repository', ['audit']),
		hint: 'A public GitHub repository, at most 300 characters',
	},
	{
		displayName: 'Publish Consent',
		name: 'publishConsent',
		type: 'boolean',
		default: false,
		displayOptions: showFor('repository', ['audit']),
		description:
			'Whether you agree that the audit is published: repository audits are public, and the bridge refuses one without this consent',
	},
	{
		displayName: 'Run ID',
		name: 'runId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: showFor('run', ['get', 'cancel', 'retry']),
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		displayOptions: showFor('run', ['getAll']),
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 50,
		displayOptions: { show: { resource: ['run'], operation: ['getAll'], returnAll: [false] } },
		description: 'Max number of results to return',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('run', ['getAll']),
		options: [
			{
				displayName: 'Flow',
				name: 'flow',
				type: 'options',
				default: 'lead-to-audit',
				options: [
					{ name: 'Lead to Audit', value: 'lead-to-audit' },
					{ name: 'Project Analysis', value: 'project-analysis' },
					{ name: 'Project Update', value: 'project-update' },
					{ name: 'Repository Audit', value: 'repo-audit' },
				],
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'completed',
				options: [
					{ name: 'Cancelled', value: 'cancelled' },
					{ name: 'Completed', value: 'completed' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Queued', value: 'queued' },
					{ name: 'Running', value: 'running' },
					{ name: 'Waiting', value: 'waiting' },
				],
			},
		],
	},
];

const waiting: INodeProperties[] = [
	{
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: true,
		displayOptions: { show: LONG },
		description:
			"Whether to pause the workflow until the run ends, and output its result: the bridge calls this execution's resume URL with its final event (one item at a time)",
	},
	{
		displayName: 'Wait Limit (Minutes)',
		name: 'waitLimit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 120,
		displayOptions: {
			show: { ...LONG, waitForResult: [true] },
		},
		description:
			'How long to wait at most; when it passes first, the node outputs the item it received (without a type)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: LONG },
		options: [
			{
				displayName: 'Callback URL',
				name: 'callbackUrl',
				type: 'string',
				default: '',
				description:
					'Where the bridge sends the final event when not waiting for the result (ignored while waiting: the resume URL is used)',
			},
			{
				displayName: 'Idempotency Key',
				name: 'idempotencyKey',
				type: 'string',
				default: '',
				description:
					'The same key with the same body answers the first run instead of starting another (kept 24 hours)',
				hint: '1 to 255 printable ASCII characters',
			},
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description: 'An object the bridge echoes in every event of the run, e.g. {"crmId": "42"}',
			},
			{
				displayName: 'Notify',
				name: 'notify',
				type: 'multiOptions',
				options: EVENT_TYPES,
				default: [],
				description:
					'Intermediate events to send to the callback URL too (only when not waiting for the result)',
			},
		],
	},
];

export const properties: INodeProperties[] = [resource, ...operations, ...fields, ...waiting];
