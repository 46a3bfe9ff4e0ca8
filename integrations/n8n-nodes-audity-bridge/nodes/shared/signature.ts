import { createHmac, timingSafeEqual } from 'crypto';

/** How far a delivery's timestamp may be from now, as Standard Webhooks recommends against replays. */
export const TOLERANCE_SECONDS = 5 * 60;

export type Headers = Record<string, string | string[] | undefined>;

export type Verdict = { valid: true } | { valid: false; reason: string };

function header(headers: Headers, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** The key of a `whsec_…` secret: the bytes its base64 part stands for. */
export function secretKey(secret: string): Buffer {
	const trimmed = secret.trim();
	return Buffer.from(
		trimmed.startsWith('whsec_') ? trimmed.slice('whsec_'.length) : trimmed,
		'base64',
	);
}

/** The signature the bridge sends for this delivery: `v1,` and the base64 of HMAC-SHA256(key, id.timestamp.body). */
export function sign(secret: string, id: string, timestamp: number | string, body: string): string {
	const mac = createHmac('sha256', secretKey(secret))
		.update(`${id}.${timestamp}.${body}`)
		.digest('base64');
	return `v1,${mac}`;
}

/**
 * Verifies a Standard Webhooks delivery: the `webhook-id`, `webhook-timestamp` and `webhook-signature` headers
 * against the raw body, as sent. Any one of the space-separated signatures may match (the bridge signs with two
 * secrets while one is being rotated); they are compared in constant time.
 */
export function verify(
	secret: string,
	headers: Headers,
	rawBody: string,
	nowSeconds: number,
	toleranceSeconds = TOLERANCE_SECONDS,
): Verdict {
	const id = header(headers, 'webhook-id');
	const timestamp = header(headers, 'webhook-timestamp');
	const signatures = header(headers, 'webhook-signature');
	if (!id || !timestamp || !signatures) {
		return {
			valid: false,
			reason: 'missing webhook-id, webhook-timestamp or webhook-signature header',
		};
	}
	if (!/^\d{1,12}$/.test(timestamp)) {
		return { valid: false, reason: 'webhook-timestamp is not a number of seconds' };
	}
	if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
		return { valid: false, reason: 'webhook-timestamp is too far from now' };
	}
	const expected = Buffer.from(sign(secret, id, timestamp, rawBody).slice('v1,'.length), 'base64');
	for (const candidate of signatures.split(' ')) {
		const [version, value] = candidate.split(',', 2);
		if (version !== 'v1' || !value) {
			continue;
		}
		const given = Buffer.from(value, 'base64');
		if (given.length === expected.length && timingSafeEqual(given, expected)) {
			return { valid: true };
		}
	}
	return { valid: false, reason: 'no signature matches the secret' };
}

/** The body exactly as received: n8n keeps the raw bytes of a webhook request beside the parsed body. */
export function rawBodyOf(request: { rawBody?: unknown; body?: unknown }): string {
	const raw = request.rawBody;
	if (Buffer.isBuffer(raw)) {
		return raw.toString('utf8');
	}
	if (typeof raw === 'string') {
		return raw;
	}
	return JSON.stringify(request.body ?? {});
}
