'use strict';

const crypto = require('crypto');

// A receiver's check of a Standard Webhooks signature, as the bridge signs its callbacks and deliveries:
// webhook-signature holds one or more "v1,<base64 HMAC-SHA256 of id.timestamp.body>" entries, keyed with the
// base64 part of a whsec_ secret. The body must be the raw text as received: parsed and re-serialised JSON
// would not match.

/** How far a delivery's timestamp may lie from now. A retry is signed anew, so only a replay is this old. */
const TOLERANCE_SECONDS = 60 * 60;

/**
 * A header of a raw request, whatever its case. Zapier hands a REST hook's headers to the app renamed:
 * "Http-" before every name but Content-Type and Content-Length, in Camel-Case ("Http-Webhook-Id").
 */
const header = (headers, name) => {
  const wanted = [name.toLowerCase(), `http-${name.toLowerCase()}`];
  const key = Object.keys(headers || {}).find((k) => wanted.includes(k.toLowerCase()));
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? value.join(' ') : value;
};

const sign = (secret, id, timestamp, body) =>
  crypto
    .createHmac('sha256', Buffer.from(String(secret).replace(/^whsec_/, ''), 'base64'))
    .update(`${id}.${timestamp}.${body}`, 'utf8')
    .digest('base64');

const sameText = (a, b) => {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && crypto.timingSafeEqual(left, right);
};

/**
 * Why a raw request ({headers, content}) is not a delivery signed with `secret`, or null when it is one.
 * `now` in seconds since the epoch.
 */
const refusal = (rawRequest, secret, now = Math.floor(Date.now() / 1000)) => {
  if (!rawRequest || typeof rawRequest.content !== 'string') {
    return 'the raw request body is missing';
  }
  const id = header(rawRequest.headers, 'webhook-id');
  const timestamp = header(rawRequest.headers, 'webhook-timestamp');
  const signatures = header(rawRequest.headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    return 'the webhook-id, webhook-timestamp or webhook-signature header is missing';
  }
  if (!/^\d+$/.test(timestamp) || Math.abs(now - Number(timestamp)) > TOLERANCE_SECONDS) {
    return `the webhook-timestamp is more than ${TOLERANCE_SECONDS / 60} minutes from now`;
  }
  const expected = sign(secret, id, timestamp, rawRequest.content);
  const matches = String(signatures)
    .trim()
    .split(/\s+/)
    .filter((entry) => entry.startsWith('v1,'))
    .some((entry) => sameText(entry.slice(3), expected));
  return matches ? null : 'no v1 signature matches the secret';
};

module.exports = { refusal, sign, header, TOLERANCE_SECONDS };
