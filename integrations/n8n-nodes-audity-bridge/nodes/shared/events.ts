import type { IDataObject, INode, INodePropertyOptions } from 'n8n-workflow';

/** The bridge's event types (its docs/api.md, Events and callbacks). */
export const EVENT_TYPES: INodePropertyOptions[] = [
	{
		name: 'Analysis Completed',
		value: 'analysis.completed',
		description: 'A project analysis run ended well',
	},
	{
		name: 'Audit Completed',
		value: 'audit.completed',
		description: 'A lead-to-audit run ended with its analysis',
	},
	{ name: 'Lead Arrived', value: 'lead.arrived', description: 'The lead sync saw a new lead' },
	{
		name: 'Lead Converted',
		value: 'lead.converted',
		description: 'A lead became a project (on the way to its audit)',
	},
	{
		name: 'Project Updated',
		value: 'project.updated',
		description: 'A project update run ended well',
	},
	{
		name: 'Repository Audit Completed',
		value: 'repo_audit.completed',
		description: 'A repository audit ended well',
	},
	{ name: 'Run Failed', value: 'run.failed', description: 'A run of any flow failed' },
];

/** The final event of a completed run of each flow. */
export const FINAL_EVENT: Record<string, string> = {
	'lead-to-audit': 'audit.completed',
	'project-analysis': 'analysis.completed',
	'project-update': 'project.updated',
	'repo-audit': 'repo_audit.completed',
};

/** An event as one flat item: its type and timestamp, then its data (runId, projectId, analysisId, …). */
export function eventItem(event: IDataObject): IDataObject {
	const data = (event.data ?? {}) as IDataObject;
	return { type: event.type, timestamp: event.timestamp, ...data };
}

/** An event as the bridge sends it: an object with a type and a data object. */
export function isEvent(body: unknown): body is IDataObject {
	if (typeof body !== 'object' || body === null) {
		return false;
	}
	const event = body as IDataObject;
	return typeof event.type === 'string' && typeof event.data === 'object' && event.data !== null;
}

/** A run.failed event's error, in words: "Run … failed: CODE: message". */
export function failure(item: IDataObject): string {
	const error = (item.error ?? {}) as IDataObject;
	return `Run ${item.runId ?? '?'} failed: ${error.code ?? 'UNKNOWN'}: ${error.message ?? 'no message'}`;
}

/** Whether the node's settings say to go on with an error item rather than stop (Settings → On Error). */
export function continuesOnFail(node: INode): boolean {
	return (
		node.continueOnFail === true ||
		node.onError === 'continueRegularOutput' ||
		node.onError === 'continueErrorOutput'
	);
}
