'use strict';

const http = require('http');

// A loopback HTTP server standing for Zapier's side: a REST hook target or a step's callback URL. It keeps each
// request as it came (method, path, headers, body text) and answers 200.

const receiver = async () => {
  const received = [];
  const waiters = [];
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const entry = {
        method: request.method,
        path: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(entry);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"status":"success"}');
      for (const waiter of [...waiters]) {
        if (waiter.matches(entry)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(entry);
        }
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;

  return {
    url: (path) => `${base}${path}`,
    received,
    /** The first request (already here or still to come) on `path`, within `timeoutMs`. */
    next: (path, timeoutMs = 150000) =>
      new Promise((resolve, reject) => {
        const matches = (entry) => entry.path === path;
        const here = received.find(matches);
        if (here) {
          resolve(here);
          return;
        }
        const waiter = { matches, resolve };
        waiters.push(waiter);
        setTimeout(() => {
          if (waiters.includes(waiter)) {
            waiters.splice(waiters.indexOf(waiter), 1);
            reject(new Error(`nothing arrived on ${path} within ${timeoutMs} ms`));
          }
        }, timeoutMs).unref();
      }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
};

/**
 * The request as Zapier hands it to an app in bundle.rawRequest: headers other than Content-Type and Content-Length
 * prefixed with "Http-", every name in Camel-Case, the body as text.
 */
const asZapierRawRequest = (entry) => {
  const camel = (name) =>
    name
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
      .join('-');
  const headers = {};
  for (const [name, value] of Object.entries(entry.headers)) {
    const plain = ['content-type', 'content-length'].includes(name.toLowerCase());
    headers[plain ? camel(name) : `Http-${camel(name)}`] = value;
  }
  const [, querystring = ''] = entry.path.split('?');
  return { method: entry.method, querystring, headers, content: entry.body };
};

module.exports = { receiver, asZapierRawRequest };
