import { randomBytes } from 'crypto';
import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { receivedEvent } from '../shared/delivery';
import { EVENT_TYPES, eventItem } from '../shared/events';
import { bridgeRequest, callBridge, CREDENTIALS, problemError } from '../shared/transport';

/**
 * What the node keeps of its subscription (the workflow's static data): the bridge's id, the secret that signs its
 * deliveries (shown by the bridge only at creation), the events and the target it was made with.
 */
interface Registration extends IDataObject {
	subscriptionId?: string;
	secret?: string;
	target?: string;
	events?: string[];
}

/** The query member that tells this subscription's deliveries from those of one the node no longer knows. */
const MARK = 'subscription';

function expectedEvents(context: IHookFunctions): string[] {
	return [...(context.getNodeParameter('events', []) as string[])].sort();
}

function forget(registration: Registration): void {
	delete registration.subscriptionId;
	delete registration.secret;
	delete registration.target;
	delete registration.events;
}

export class AudityBridgeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Audity Bridge Trigger',
		name: 'audityBridgeTrigger',
		icon: {
			light: 'file:../../icons/audity-bridge.svg',
			dark: 'file:../../icons/audity-bridge.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description:
			"Starts the workflow on Audity Bridge's events: audits completed, runs failed, leads converted, …",
		defaults: {
			name: 'Audity Bridge Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIALS, required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: EVENT_TYPES,
				default: ['audit.completed'],
				description:
					"The events to start the workflow on. The bridge signs each with the subscription's own secret, which the node keeps and checks.",
			},
		],
	};

	// On activation the node subscribes this workflow's webhook URL on the bridge (POST /v1/subscriptions); on
	// deactivation it deletes the subscription.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				if (!registration.subscriptionId) {
					return false;
				}
				const answer = await callBridge.call(this, {
					method: 'GET',
					path: `/v1/subscriptions/${encodeURIComponent(registration.subscriptionId)}`,
				});
				if (answer.statusCode === 404) {
					forget(registration);
					return false;
				}
				if (answer.statusCode >= 400) {
					throw problemError(this, answer);
				}
				const current =
					answer.body.targetUrl === registration.target &&
					JSON.stringify([...((answer.body.events as string[]) ?? [])].sort()) ===
						JSON.stringify(expectedEvents(this));
				if (!current) {
					// Made for other events or another URL: replaced by a new one.
					await callBridge.call(this, {
						method: 'DELETE',
						path: `/v1/subscriptions/${encodeURIComponent(registration.subscriptionId)}`,
					});
					forget(registration);
				}
				return current;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const events = expectedEvents(this);
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Choose at least one event');
				}
				const url = new URL(this.getNodeWebhookUrl('default') as string);
				url.searchParams.set(MARK, randomBytes(12).toString('hex'));
				const target = url.toString();
				const created = await bridgeRequest.call(this, {
					method: 'POST',
					path: '/v1/subscriptions',
					body: { targetUrl: target, events },
				});
				if (typeof created.id !== 'string' || typeof created.secret !== 'string') {
					throw new NodeOperationError(
						this.getNode(),
						'The bridge did not answer a subscription id and secret',
					);
				}
				const registration = this.getWorkflowStaticData('node') as Registration;
				registration.subscriptionId = created.id;
				registration.secret = created.secret;
				registration.target = target;
				registration.events = events;
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const registration = this.getWorkflowStaticData('node') as Registration;
				if (!registration.subscriptionId) {
					return true;
				}
				const answer = await callBridge.call(this, {
					method: 'DELETE',
					path: `/v1/subscriptions/${encodeURIComponent(registration.subscriptionId)}`,
				});
				if (answer.statusCode >= 400 && answer.statusCode !== 404) {
					return false;
				}
				forget(registration);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const registration = this.getWorkflowStaticData('node') as Registration;
		const request = this.getRequestObject();
		const response = this.getResponseObject();
		const mark = new URL(registration.target ?? 'http://unknown/').searchParams.get(MARK);
		const query = this.getQueryData() as IDataObject;
		if (!registration.secret || !mark || query[MARK] !== mark) {
			// A subscription this node did not make or no longer knows: 410 makes the bridge remove it.
			response.status(410).json({ error: 'unknown subscription' });
			return { noWebhookResponse: true };
		}
		const event = receivedEvent(this, registration.secret);
		if (!event) {
			return { noWebhookResponse: true };
		}
		return {
			workflowData: [
				[{ json: { ...eventItem(event), webhookId: request.headers['webhook-id'] as string } }],
			],
		};
	}
}
