'use strict';

// Everything the app sends goes to the bridge the connection names, with the connection's key.

/** The bridge's base URL from the connection, without a trailing slash. */
const baseUrl = (bundle) => String(bundle.authData.baseUrl || '').trim().replace(/\/+$/, '');

const url = (bundle, path) => `${baseUrl(bundle)}${path}`;

/** Adds the API key to requests for the connection's own bridge, and only to those. */
const addApiKey = (request, z, bundle) => {
  const base = baseUrl(bundle);
  if (bundle.authData.apiKey && base && String(request.url).startsWith(`${base}/`)) {
    request.headers = { ...request.headers, Authorization: `Bearer ${bundle.authData.apiKey}` };
  }
  return request;
};

/**
 * The bridge answers refusals as application/problem+json ({title, detail, code, errors}); Zapier shows the
 * error's message to the user, so the message is the bridge's own sentence, with the field errors after it.
 */
const throwProblem = (response, z) => {
  let problem = {};
  try {
    problem = JSON.parse(response.content);
  } catch (ignored) {
    // not a problem document: the status line says enough
  }
  const headline = problem.detail || problem.title || `The bridge answered HTTP ${response.status}`;
  // The detail names the first field error; the others follow it.
  const others = (problem.errors || [])
    .map((e) => `${e.field}: ${e.message}`)
    .filter((text) => text !== headline);
  const message = [headline, ...others].join('; ');
  if (response.status === 401) {
    // Zapier then marks the connection as needing a new key and tells its owner.
    throw new z.errors.ExpiredAuthError(`The bridge refused the API key: ${message}`);
  }
  if (response.status === 429) {
    const retryAfter = Number(response.getHeader('retry-after'));
    throw new z.errors.ThrottledError(message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : 60);
  }
  throw new z.errors.Error(message, problem.code || `HTTP_${response.status}`, response.status);
};

/** Every answer of 400 and above is thrown as the bridge's problem, unless the request said it handles it. */
const problemErrors = (response, z) => {
  if (response.status >= 400 && !response.skipThrowForStatus) {
    throwProblem(response, z);
  }
  return response;
};

module.exports = { baseUrl, url, addApiKey, problemErrors, throwProblem };
