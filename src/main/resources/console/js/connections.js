// Connections (admin token): list, create (the key and signing secret shown once), rotate the API key, delete.
import { api } from './api.js';
import { confirmAction, field, fill, h, message, shownOnce, table, time, update } from './dom.js';

export async function connectionsPage(root, ctx) {
  const list = h('div', {});
  const note = h('div', { id: 'connections-note' });
  fill(
    root,
    h('h1', {}, 'Connections'),
    h(
      'p',
      {},
      'A connection pairs its API keys with one Audity token, a signing secret and its own limits. ',
      'The environment\'s default connection is configured, not managed here. Tokens and secrets show as fingerprints.',
    ),
    note,
    list,
    createForm(note, () => load(), ctx),
  );

  const load = async () => {
    let answer;
    try {
      answer = await api('/v1/admin/connections', { as: 'admin' });
    } catch (error) {
      fill(list, ctx.fail(error, 'admin'));
      return;
    }
    update(list, answer.connections, () =>
      table(
        null,
        ['Name', 'Id', 'Audity token', 'API keys', 'Rate a minute', 'Created', ''],
        answer.connections.map((shown) => ({ keys: [], ...shown })).map((c) => [
          c.name,
          h('span', { class: 'mono' }, c.id),
          h('span', { class: 'mono' }, c.audityTokenFingerprint),
          c.keys.length ? c.keys.map((k) => h('div', { class: 'mono' }, `${k.prefix}…`)) : h('span', { class: 'muted' }, 'none'),
          c.requestsPerMinute === null || c.requestsPerMinute === undefined ? 'default' : String(c.requestsPerMinute),
          time(c.createdAt),
          h(
            'div',
            { class: 'actions' },
            h('button', { type: 'button', id: `rotate-${c.id}`, onclick: () => rotate(c) }, 'Rotate key'),
            h('button', { type: 'button', class: 'danger', id: `delete-${c.id}`, onclick: () => remove(c) }, 'Delete'),
          ),
        ]),
        'No connection made here yet.',
      ));
  };

  const rotate = async (c) => {
    const sure = await confirmAction({
      title: `Rotate the API key of ${c.name}?`,
      confirmLabel: 'Issue a new key',
      body: [
        'A new key is issued and shown once.',
        c.keys.length
          ? `Then the ${c.keys.length} current key(s) (${c.keys.map((k) => `${k.prefix}…`).join(', ')}) stop at once: callers using them get 401 until they switch to the new key.`
          : 'The connection has no key now.',
      ],
    });
    if (!sure) {
      return;
    }
    try {
      const issued = await api(`/v1/admin/connections/${encodeURIComponent(c.id)}/keys`, { method: 'POST', as: 'admin' });
      for (const old of c.keys) {
        await api(`/v1/admin/connections/${encodeURIComponent(c.id)}/keys/${encodeURIComponent(old.id)}`, { method: 'DELETE', as: 'admin' });
      }
      fill(note, shownOnce(`The new API key of ${c.name}`, [['API key', issued.key]]));
    } catch (error) {
      fill(note, ctx.fail(error, 'admin'));
    }
    await load();
  };

  const remove = async (c) => {
    const sure = await confirmAction({
      title: `Delete ${c.name}?`,
      danger: true,
      confirmLabel: 'Delete the connection',
      body: [
        'Its keys stop at once; its subscriptions, webhook token and conversion records are deleted.',
        'Its runs fail with CONNECTION_GONE at their next step, and its pending callbacks are cancelled.',
      ],
    });
    if (!sure) {
      return;
    }
    try {
      await api(`/v1/admin/connections/${encodeURIComponent(c.id)}`, { method: 'DELETE', as: 'admin' });
      fill(note, message('ok', `${c.name} was deleted.`));
    } catch (error) {
      fill(note, ctx.fail(error, 'admin'));
    }
    await load();
  };

  await load();
}

function createForm(note, reload, ctx) {
  const name = h('input', { name: 'name', required: true, maxlength: 200, autocomplete: 'off' });
  const audityToken = h('input', { name: 'audityToken', type: 'password', required: true, autocomplete: 'off', spellcheck: 'false' });
  const repoAuditToken = h('input', { name: 'repoAuditToken', type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const rate = h('input', { name: 'requestsPerMinute', type: 'number', min: 1, max: 100000, inputmode: 'numeric' });
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, 'New connection'),
    field('Name', name),
    field('Audity token', audityToken, 'aky_ and 32 letters or digits'),
    field('Repo-audit token (optional)', repoAuditToken),
    field('Hook calls a minute (optional)', rate, 'Leave empty for the bridge\'s default.'),
    h('button', { type: 'submit', class: 'primary' }, 'Create connection'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { name: name.value.trim(), audityToken: audityToken.value.trim() };
    if (repoAuditToken.value.trim()) {
      body.repoAuditToken = repoAuditToken.value.trim();
    }
    if (rate.value) {
      body.requestsPerMinute = Number(rate.value);
    }
    try {
      const created = await api('/v1/admin/connections', { method: 'POST', body, as: 'admin' });
      fill(
        note,
        shownOnce(`${created.name} is created`, [
          ['API key', created.apiKey.key],
          ['Signing secret', created.signingSecret],
        ]),
      );
      form.reset();
    } catch (error) {
      fill(note, ctx.fail(error, 'admin'));
    }
    await reload();
  });
  return form;
}
