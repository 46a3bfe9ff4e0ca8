import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { sign, verify } from '../nodes/shared/signature';
import { DEMO_SIGNING } from './contexts';

const NOW = 1_767_225_600;
const BODY = '{"type":"audit.completed","timestamp":"2026-01-01T00:00:00Z","data":{"runId":"r-1"}}';

function headers(signature: string, timestamp: number = NOW, id = 'd-1') {
	return {
		'webhook-id': id,
		'webhook-timestamp': String(timestamp),
		'webhook-signature': signature,
	};
}

describe('the Standard Webhooks signature check', () => {
	it('accepts what the reference library signs with the same secret', () => {
		const signature = new Webhook(DEMO_SIGNING).sign('d-1', new Date(NOW * 1000), BODY);

		expect(verify(DEMO_SIGNING, headers(signature), BODY, NOW)).toEqual({ valid: true });
	});

	it('signs what the reference library verifies', () => {
		const now = Math.floor(Date.now() / 1000);
		const signed = headers(sign(DEMO_SIGNING, 'd-2', now, BODY), now, 'd-2');

		expect(new Webhook(DEMO_SIGNING).verify(BODY, signed)).toEqual(JSON.parse(BODY));
	});

	it('refuses a body changed after signing', () => {
		const signature = sign(DEMO_SIGNING, 'd-1', NOW, BODY);

		expect(verify(DEMO_SIGNING, headers(signature), BODY.replace('r-1', 'r-2'), NOW)).toMatchObject(
			{
				valid: false,
			},
		);
	});

	it('refuses a signature made with another secret', () => {
		const signature = sign('whsec_b3RoZXItc2VjcmV0LW9mLXRlc3RzLTAx', 'd-1', NOW, BODY);

		expect(verify(DEMO_SIGNING, headers(signature), BODY, NOW)).toEqual({
			valid: false,
			reason: 'no signature matches the secret',
		});
	});

	it('refuses a timestamp more than five minutes away, however well signed', () => {
		const old = NOW - 301;

		expect(
			verify(DEMO_SIGNING, headers(sign(DEMO_SIGNING, 'd-1', old, BODY), old), BODY, NOW),
		).toMatchObject({
			valid: false,
			reason: 'webhook-timestamp is too far from now',
		});
		expect(
			verify(
				DEMO_SIGNING,
				headers(sign(DEMO_SIGNING, 'd-1', NOW - 299, BODY), NOW - 299),
				BODY,
				NOW,
			),
		).toEqual({
			valid: true,
		});
	});

	it('accepts any one of several signatures, as during a secret rotation', () => {
		const other = sign('whsec_b3RoZXItc2VjcmV0LW9mLXRlc3RzLTAx', 'd-1', NOW, BODY);
		const mine = sign(DEMO_SIGNING, 'd-1', NOW, BODY);

		expect(verify(DEMO_SIGNING, headers(`${other} ${mine}`), BODY, NOW)).toEqual({ valid: true });
	});

	it('refuses a delivery without its headers', () => {
		expect(verify(DEMO_SIGNING, { 'webhook-id': 'd-1' }, BODY, NOW)).toMatchObject({
			valid: false,
		});
		expect(verify(DEMO_SIGNING, headers('v1,'), BODY, NOW)).toMatchObject({ valid: false });
	});
});
