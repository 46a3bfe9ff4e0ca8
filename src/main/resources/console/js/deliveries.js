// Deliveries: the dead letters (redeliver one or all), and the connection's subscriptions (list, create, delete).
import { api, query } from './api.js';
import { badge, confirmAction, fact, field, fill, h, message, section, select, shownOnce, table, time, update } from './dom.js';

const EVENT_TYPES = [
  'lead.arrived',
  'lead.converted',
  'audit.completed',
  'analysis.completed',
  'project.updated',
  'repo_audit.completed',
  'run.failed',
];
const SHOWN = [
  ['dead', 'dead (dead letters)'],
  ['delivered', 'delivered'],
  ['gone', 'gone'],
  ['cancelled', 'cancelled'],
];

/** A delivery with every attempt (status, answer, latency), for the run page; `act` posts a redelivery. */
export function deliveryCard(delivery, act) {
  const attempts = delivery.attemptLog || [];
  return h(
    'article',
    { class: 'delivery', id: `delivery-${delivery.id}`, 'data-status': delivery.status },
    h('h3', {}, h('span', { class: 'mono' }, delivery.eventType), ' to ', h('span', { class: 'url' }, delivery.targetUrl)),
    h(
      'dl',
      { class: 'facts' },
      fact('Status', badge(delivery.status)),
      fact('Attempts', String(delivery.attempts)),
      fact('Kind', delivery.finalCallback ? 'final callback' : delivery.subscriptionId ? 'subscription' : 'callback'),
      fact('webhook-id', h('span', { class: 'mono' }, delivery.webhookId)),
      delivery.nextAttemptAt ? fact('Next attempt', time(delivery.nextAttemptAt)) : null,
      delivery.deliveredAt ? fact('Delivered', time(delivery.deliveredAt)) : null,
    ),
    redeliverable(delivery)
      ? h(
        'div',
        { class: 'actions' },
        h('button', {
          type: 'button',
          id: `redeliver-${delivery.id}`,
          onclick: () => act(
            'Redelivery queued: the next attempt goes out now, with the same webhook-id.',
            `/v1/deliveries/${encodeURIComponent(delivery.id)}/redeliver`,
          ),
        }, 'Redeliver'),
      )
      : null,
    table(
      'Attempts',
      ['When', 'Status', 'Latency', 'Answer', 'Error'],
      attempts.map((attempt) => [
        time(attempt.at),
        attempt.status === null || attempt.status === undefined ? '—' : String(attempt.status),
        `${attempt.latencyMs} ms`,
        attempt.response ? h('pre', { class: 'answer' }, attempt.response) : '—',
        attempt.error || '—',
      ]),
      'No attempt yet.',
    ),
  );
}

function redeliverable(delivery) {
  return delivery.status !== 'pending' && !(delivery.status === 'gone' && delivery.subscriptionId);
}

export async function deliveriesPage(root, params, ctx) {
  const status = SHOWN.some(([value]) => value === params.get('status')) ? params.get('status') : 'dead';
  const deadArea = h('div', {});
  const deadNote = h('div', {});
  const subscriptionArea = h('div', {});
  const subscriptionNote = h('div', {});
  const chooser = select('status', SHOWN, status);
  chooser.id = 'delivery-status';
  chooser.addEventListener('change', () => ctx.go(`#/deliveries${query({ status: chooser.value })}`));

  fill(
    root,
    h('h1', {}, 'Deliveries'),
    section('dead', 'Dead letters and past deliveries',
      h('p', { class: 'muted' }, 'A delivery is dead once its retry ladder is spent; a redelivery starts a fresh ladder with the same webhook-id, so a receiver can tell a repeat.'),
      field('Show deliveries that are', chooser),
      deadNote,
      deadArea,
    ),
    section('subscriptions', 'Subscriptions',
      subscriptionNote,
      subscriptionArea,
      subscriptionForm(subscriptionNote, () => loadSubscriptions(), ctx),
    ),
  );

  const loadDeliveries = async () => {
    let list;
    try {
      list = await api(`/v1/deliveries${query({ status, limit: 100 })}`);
    } catch (error) {
      fill(deadArea, ctx.fail(error));
      return;
    }
    const rows = list.deliveries;
    update(deadArea, rows, () => [
      status === 'dead' && rows.length > 0
        ? h('div', { class: 'actions' }, h('button', {
          type: 'button',
          id: 'redeliver-all',
          onclick: async () => {
            const sure = await confirmAction({
              title: 'Redeliver every dead letter?',
              confirmLabel: 'Redeliver all',
              body: [
                `Each of the ${rows.length} dead deliveries shown (and any other dead one, up to 1,000) gets a fresh retry ladder, with the same webhook-id as before.`,
                'A delivery whose subscription was removed is not redelivered.',
              ],
            });
            if (!sure) {
              return;
            }
            try {
              const done = await api('/v1/deliveries/redeliver', { method: 'POST', body: { status: 'dead' } });
              fill(deadNote, message('ok', `${done.redelivered} deliveries are pending again.`));
            } catch (error) {
              fill(deadNote, ctx.fail(error));
            }
            await loadDeliveries();
          },
        }, 'Redeliver all dead'))
        : null,
      table(
        null,
        ['Event', 'Run', 'Target', 'Status', 'Attempts', 'Last answer', 'Updated', ''],
        rows.map((d) => [
          h('span', { class: 'mono' }, d.eventType),
          d.runId ? h('a', { href: `#/runs/${encodeURIComponent(d.runId)}`, class: 'mono' }, d.runId) : '—',
          h('span', { class: 'url' }, d.targetUrl),
          badge(d.status),
          String(d.attempts),
          d.lastStatus ? `HTTP ${d.lastStatus}` : d.lastError || '—',
          time(d.updatedAt),
          redeliverable(d)
            ? h('button', {
              type: 'button',
              id: `redeliver-${d.id}`,
              'aria-label': `Redeliver ${d.eventType} to ${d.targetUrl}`,
              onclick: async () => {
                try {
                  await api(`/v1/deliveries/${encodeURIComponent(d.id)}/redeliver`, { method: 'POST' });
                  fill(deadNote, message('ok', `Redelivery of ${d.eventType} queued: the next attempt goes out now, with the same webhook-id.`));
                } catch (error) {
                  fill(deadNote, ctx.fail(error));
                }
                await loadDeliveries();
              },
            }, 'Redeliver')
            : '',
        ]),
        status === 'dead' ? 'No dead letter: every delivery arrived or is still being tried.' : `No ${status} delivery.`,
      ),
    ]);
  };

  const loadSubscriptions = async () => {
    let list;
    try {
      list = await api('/v1/subscriptions');
    } catch (error) {
      fill(subscriptionArea, ctx.fail(error));
      return;
    }
    update(subscriptionArea, list.subscriptions, () =>
      table(
        null,
        ['Target', 'Events', 'Created', ''],
        list.subscriptions.map((s) => [
          h('span', { class: 'url' }, s.targetUrl),
          s.events.join(', '),
          time(s.createdAt),
          h('button', {
            type: 'button',
            class: 'danger',
            'aria-label': `Delete the subscription to ${s.targetUrl}`,
            onclick: async () => {
              const sure = await confirmAction({
                title: 'Delete this subscription?',
                danger: true,
                confirmLabel: 'Delete',
                body: [
                  `${s.targetUrl} will receive no new event; its deliveries still pending are cancelled when they come due.`,
                ],
              });
              if (!sure) {
                return;
              }
              try {
                await api(`/v1/subscriptions/${encodeURIComponent(s.id)}`, { method: 'DELETE' });
                fill(subscriptionNote, message('ok', 'Subscription deleted.'));
              } catch (error) {
                fill(subscriptionNote, ctx.fail(error));
              }
              await loadSubscriptions();
            },
          }, 'Delete'),
        ]),
        'No subscription.',
      ));
  };

  await Promise.all([loadDeliveries(), loadSubscriptions()]);
  ctx.every(5000, loadDeliveries);
}

function subscriptionForm(note, reload, ctx) {
  const target = h('input', { type: 'url', name: 'targetUrl', required: true, autocomplete: 'off', placeholder: 'https://hooks.example.com/audity' });
  const boxes = EVENT_TYPES.map((type) => h('input', { type: 'checkbox', name: 'events', value: type }));
  const all = h('input', { type: 'checkbox', name: 'events', value: '*' });
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': 'subscribe-title' },
    h('h3', { id: 'subscribe-title' }, 'New subscription'),
    field('Target URL', target),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Events'),
      h('label', { class: 'check' }, all, ' every event (*)'),
      boxes.map((box) => h('label', { class: 'check' }, box, ' ', box.value)),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Subscribe'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const events = [all, ...boxes].filter((box) => box.checked).map((box) => box.value);
    try {
      const created = await api('/v1/subscriptions', { method: 'POST', body: { targetUrl: target.value.trim(), events } });
      fill(note, shownOnce('The subscription\'s signing secret', [['Secret', created.secret], ['Subscription id', created.id]]));
      form.reset();
    } catch (error) {
      fill(note, ctx.fail(error));
    }
    await reload();
  });
  return form;
}
