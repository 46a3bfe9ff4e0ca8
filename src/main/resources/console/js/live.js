// The live view: the connection's runs of the last hour by status (a small chart per five minutes), and the upstream
// budgets its tokens are spending. Refreshes every five seconds.
import { api } from './api.js';
import { badge, fill, h, section, table, update } from './dom.js';

const STATUSES = ['queued', 'running', 'waiting', 'completed', 'failed', 'cancelled'];

export async function livePage(root, ctx) {
  const totals = h('div', { id: 'live-totals' });
  const chart = h('div', { id: 'live-chart' });
  const budgets = h('div', { id: 'live-budgets' });
  const stamp = h('p', { class: 'muted', id: 'live-updated' });
  fill(
    root,
    h('h1', {}, 'Live'),
    stamp,
    section('hour', 'Runs of the last hour, by status now',
      totals,
      chart,
    ),
    section('budget', 'Upstream budget in use',
      h('p', { class: 'muted' }, 'Per token (by fingerprint) and call class: calls let through in the last minute against the limit, for all replicas the tokens left now.'),
      budgets,
    ),
  );

  const load = async () => {
    let stats;
    let budgetList;
    try {
      [stats, budgetList] = await Promise.all([api('/v1/runs/stats?since=PT1H&intervals=12'), api('/v1/budgets')]);
    } catch (error) {
      fill(totals, ctx.fail(error));
      return;
    }
    fill(stamp, `Updated ${new Date().toLocaleTimeString()}.`);
    update(totals, stats.counts, () =>
      h(
        'ul',
        { class: 'totals' },
        h('li', {}, h('strong', {}, String(stats.total)), ' runs'),
        STATUSES.map((s) => h('li', { 'data-status': s }, badge(s), ' ', h('strong', { class: 'count' }, String(stats.counts[s] || 0)))),
      ));
    update(chart, stats.intervals.map((i) => i.counts), () => chartOf(stats));
    update(budgets, budgetList.budgets.map(({ waitMillis, ...rest }) => rest), () =>
      table(
        null,
        ['Budget', 'Token or connection', 'Used last minute', 'Limit a minute', 'Left now', 'Next call in'],
        budgetList.budgets.map((b) => [
          b.budget,
          h('span', { class: 'mono' }, b.owner),
          h(
            'span',
            { class: 'usage' },
            h('meter', { min: 0, max: b.limitPerMinute, value: b.usedLastMinute, high: b.limitPerMinute * 0.8, 'aria-label': `${b.usedLastMinute} of ${b.limitPerMinute}` }),
            ` ${b.usedLastMinute}`,
          ),
          String(b.limitPerMinute),
          String(b.available),
          b.waitMillis > 0 ? `${Math.ceil(b.waitMillis / 1000)} s` : 'now',
        ]),
        'No budget used yet: budgets appear with the first upstream call or hook.',
      ));
  };
  await load();
  ctx.every(5000, load);
}

/** Stacked columns, one per interval, drawn from elements (heights set through the style object, not markup). */
function chartOf(stats) {
  const highest = Math.max(1, ...stats.intervals.map((i) => STATUSES.reduce((n, s) => n + (i.counts[s] || 0), 0)));
  const columns = stats.intervals.map((interval) => {
    const total = STATUSES.reduce((n, s) => n + (interval.counts[s] || 0), 0);
    const column = h('div', { class: 'column', title: `${total} run(s) from ${new Date(interval.from).toLocaleTimeString()}` });
    for (const status of STATUSES) {
      const n = interval.counts[status] || 0;
      if (n > 0) {
        const part = h('div', { class: `part ${status}` });
        part.style.height = `${(100 * n) / highest}%`;
        column.appendChild(part);
      }
    }
    return h('div', { class: 'slot' }, column, h('span', { class: 'tick' }, new Date(interval.from).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })));
  });
  return [
    h('div', { class: 'chart', 'aria-hidden': 'true' }, columns),
    h('details', {}, h('summary', {}, 'The counts as a table'), table(
      null,
      ['From', ...STATUSES],
      stats.intervals.filter((i) => STATUSES.some((s) => i.counts[s])).map((i) => [
        new Date(i.from).toLocaleTimeString(),
        ...STATUSES.map((s) => String(i.counts[s] || 0)),
      ]),
      'No run in the last hour.',
    )),
  ];
}
