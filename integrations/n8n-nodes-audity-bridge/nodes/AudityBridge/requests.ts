import type { IDataObject } from 'n8n-workflow';
import type { BridgeCall } from '../shared/transport';
import { LONG_OPERATIONS } from './descriptions';

/** Reads one parameter of the current item (the node's getNodeParameter for that item). */
export type Parameter = (name: string, fallback?: unknown) => unknown;

/** Thrown for a parameter the bridge would refuse anyway, before anything is sent. */
export class InvalidParameter extends Error {}

export function isLong(resource: string, operation: string): boolean {
	return (LONG_OPERATIONS[resource] ?? []).includes(operation);
}

/** A collection's fields without the empty ones (n8n keeps a field the user added and left blank). */
function filled(fields: unknown): IDataObject {
	const out: IDataObject = {};
	for (const [name, value] of Object.entries((fields ?? {}) as IDataObject)) {
		if (value !== '' && value !== undefined && value !== null) {
			out[name] = value;
		}
	}
	return out;
}

function text(parameter: Parameter, name: string): string {
	return String(parameter(name, '') ?? '').trim();
}

/** `include` when parts were chosen; none chosen leaves it out, so the connection's default applies. */
function includeOf(parameter: Parameter): IDataObject {
	const parts = parameter('include', []);
	return Array.isArray(parts) && parts.length > 0 ? { include: parts } : {};
}

function metadataOf(options: IDataObject): IDataObject | undefined {
	const raw = options.metadata;
	if (raw === undefined || raw === '' || raw === '{}') {
		return undefined;
	}
	const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new InvalidParameter('Metadata must be a JSON object, e.g. {"crmId": "42"}');
	}
	return Object.keys(value).length === 0 ? undefined : (value as IDataObject);
}

/**
 * The hook call of a long operation (docs/api.md of the bridge, Hooks): its body, the common members from the
 * options, and `callbackUrl` — the execution's resume URL when waiting, else the option's.
 */
function hookCall(
	path: string,
	members: IDataObject,
	parameter: Parameter,
	resumeUrl: string | undefined,
): BridgeCall {
	const options = (parameter('options', {}) ?? {}) as IDataObject;
	const body: IDataObject = { ...members };
	const metadata = metadataOf(options);
	if (metadata) {
		body.metadata = metadata;
	}
	if (resumeUrl) {
		body.callbackUrl = resumeUrl;
	} else {
		if (options.callbackUrl) {
			body.callbackUrl = String(options.callbackUrl).trim();
		}
		if (Array.isArray(options.notify) && options.notify.length > 0) {
			body.notify = options.notify;
		}
	}
	const key = options.idempotencyKey ? String(options.idempotencyKey) : '';
	return {
		method: 'POST',
		path: `/v1/hooks/${path}`,
		body,
		headers: key ? { 'Idempotency-Key': key } : undefined,
	};
}

/**
 * The call an operation makes for one item. {@code resumeUrl} is given when the node waits for the run's result.
 * For "get many", the first page; {@link nextPage} makes the others.
 */
export function buildCall(
	resource: string,
	operation: string,
	parameter: Parameter,
	resumeUrl?: string,
): BridgeCall {
	switch (`${resource}:${operation}`) {
		case 'lead:arrived': {
			const members: IDataObject = { leadId: text(parameter, 'leadId') };
			const project = filled(parameter('project', {}));
			if (Object.keys(project).length > 0) {
				members.project = project;
			}
			if (parameter('analyze', true) === false) {
				members.analysis = 'none';
			} else {
				Object.assign(members, includeOf(parameter));
			}
			return hookCall('lead-arrived', members, parameter, resumeUrl);
		}
		case 'lead:sync':
			return parameter('dryRun', true) === false
				? { method: 'POST', path: '/v1/lead-sync' }
				: { method: 'POST', path: '/v1/lead-sync', qs: { dryRun: true } };
		case 'project:analyze':
			return hookCall(
				'analysis-requested',
				{ projectId: text(parameter, 'projectId'), ...includeOf(parameter) },
				parameter,
				resumeUrl,
			);
		case 'project:update': {
			const changes = filled(parameter('changes', {}));
			if (Object.keys(changes).length === 0) {
				throw new InvalidParameter('Changes must name at least one field to change');
			}
			return hookCall(
				'project-update',
				{ projectId: text(parameter, 'projectId'), changes },
				parameter,
				resumeUrl,
			);
		}
		case 'repository:audit':
			if (parameter('publishConsent', false) !== true) {
				throw new InvalidParameter(
					'Publish Consent must be checked: repository audits are public, and the bridge refuses one without consent',
				);
			}
			return hookCall(
				'repo-audit-requested',
				{ repoUrl: text(parameter, 'repoUrl'), publishConsent: true },
				parameter,
				resumeUrl,
			);
		case 'run:get':
			return { method: 'GET', path: `/v1/runs/${encodeURIComponent(text(parameter, 'runId'))}` };
		case 'run:cancel':
		case 'run:retry':
			return {
				method: 'POST',
				path: `/v1/runs/${encodeURIComponent(text(parameter, 'runId'))}/${operation}`,
			};
		case 'run:getAll': {
			const returnAll = parameter('returnAll', false) === true;
			const qs: IDataObject = {
				...filled(parameter('filters', {})),
				limit: returnAll ? 100 : Math.min(100, Math.max(1, Number(parameter('limit', 50)))),
			};
			return { method: 'GET', path: '/v1/runs', qs };
		}
		default:
			throw new InvalidParameter(`Unknown operation ${resource}: ${operation}`);
	}
}

/** The next page of "get many", or none when the answer was the last one. */
export function nextPage(call: BridgeCall, answer: IDataObject): BridgeCall | undefined {
	const cursor = answer.nextCursor;
	return typeof cursor === 'string' && cursor !== ''
		? { ...call, qs: { ...(call.qs ?? {}), cursor } }
		: undefined;
}
