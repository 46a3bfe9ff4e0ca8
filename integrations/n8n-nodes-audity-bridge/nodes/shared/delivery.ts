import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { isEvent } from './events';
import { rawBodyOf, verify } from './signature';

/**
 * The event a delivery from the bridge carries, once its Standard Webhooks signature verifies with `secret` (an
 * empty secret takes it unchecked). Otherwise undefined, with the answer already sent: 401 for a signature that does
 * not verify (a forged or damaged call changes nothing), 400 for a body that is no bridge event.
 */
export function receivedEvent(context: IWebhookFunctions, secret: string): IDataObject | undefined {
	const request = context.getRequestObject();
	const response = context.getResponseObject();
	if (secret !== '') {
		const verdict = verify(secret, request.headers, rawBodyOf(request), Math.floor(Date.now() / 1000));
		if (!verdict.valid) {
			response.status(401).json({ error: `signature not verified: ${verdict.reason}` });
			return undefined;
		}
	}
	const event = context.getBodyData();
	if (!isEvent(event)) {
		response.status(400).json({ error: 'not an Audity Bridge event' });
		return undefined;
	}
	return event;
}
