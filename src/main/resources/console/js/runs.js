// Runs: the list with its filters and cursor paging, and one run with its timeline, deliveries, cancel and retry.
import { api, query } from './api.js';
import { deliveryCard } from './deliveries.js';
import { badge, confirmAction, fact, field, fill, h, isFinal, json, message, section, select, table, time, update } from './dom.js';

const FLOWS = [
  ['', 'any flow'],
  ['lead-to-audit', 'lead-to-audit'],
  ['project-analysis', 'project-analysis'],
  ['project-update', 'project-update'],
  ['repo-audit', 'repo-audit'],
];
const STATUSES = [
  ['', 'any status'],
  ...['queued', 'running', 'waiting', 'completed', 'failed', 'cancelled'].map((s) => [s, s]),
];
const FILTERS = ['flow', 'status', 'leadId', 'projectId', 'createdFrom', 'createdTo'];

/** Cursors of the pages before this one, so "Newer" can go back; kept per filter. */
const earlier = new Map();

/** A datetime-local value (the browser's local time) as an ISO instant, or '' when empty. */
function toInstant(local) {
  if (!local) {
    return '';
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

/** An ISO instant as a datetime-local value in the browser's local time. */
function toLocal(iso) {
  if (!iso) {
    return '';
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}

function runsHash(filters, cursor) {
  return `#/runs${query({ ...filters, cursor })}`;
}

export async function runsPage(root, params, ctx) {
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) || '']));
  const cursor = params.get('cursor') || '';
  const filterKey = JSON.stringify(filters);
  const stack = earlier.get(filterKey) || [];
  earlier.set(filterKey, stack);

  const inputs = {
    flow: select('flow', FLOWS, filters.flow),
    status: select('status', STATUSES, filters.status),
    leadId: h('input', { name: 'leadId', value: filters.leadId, autocomplete: 'off', spellcheck: 'false' }),
    projectId: h('input', { name: 'projectId', value: filters.projectId, autocomplete: 'off', spellcheck: 'false' }),
    createdFrom: h('input', { name: 'createdFrom', type: 'datetime-local', value: toLocal(filters.createdFrom) }),
    createdTo: h('input', { name: 'createdTo', type: 'datetime-local', value: toLocal(filters.createdTo) }),
  };
  const form = h(
    'form',
    { class: 'filters', 'aria-label': 'Filter runs' },
    field('Flow', inputs.flow),
    field('Status', inputs.status),
    field('Lead id', inputs.leadId),
    field('Project id', inputs.projectId),
    field('Created from', inputs.createdFrom),
    field('Created before', inputs.createdTo),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, 'Apply filters'),
      h('a', { href: '#/runs', class: 'button' }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = {
      flow: inputs.flow.value,
      status: inputs.status.value,
      leadId: inputs.leadId.value.trim(),
      projectId: inputs.projectId.value.trim(),
      createdFrom: toInstant(inputs.createdFrom.value),
      createdTo: toInstant(inputs.createdTo.value),
    };
    ctx.go(runsHash(chosen, ''));
  });

  const list = h('div', { id: 'runs-list' });
  const pager = h('div', { class: 'pager' });
  const refresh = h('button', { type: 'button', id: 'refresh-runs' }, 'Refresh');
  fill(
    root,
    h('div', { class: 'title-row' }, h('h1', {}, 'Runs'), refresh),
    h('p', { class: 'muted' }, cursor ? 'An older page: it does not refresh by itself.' : 'Newest first; this page refreshes every few seconds.'),
    h('details', { class: 'filter-box', open: FILTERS.some((f) => filters[f]) }, h('summary', {}, 'Filters'), form),
    list,
    pager,
  );

  const load = async () => {
    let page;
    try {
      page = await api(`/v1/runs${query({ ...filters, limit: 20, cursor })}`);
    } catch (error) {
      fill(list, ctx.fail(error));
      return;
    }
    update(list, page.runs, () =>
      table(
        null,
        ['Run', 'Flow', 'Status', 'Step', 'Lead or project', 'Created'],
        page.runs.map((run) => [
          h('a', { href: `#/runs/${encodeURIComponent(run.runId)}`, id: `run-${run.runId}`, class: 'mono' }, run.runId),
          run.flow,
          badge(run.status),
          run.step,
          subjectOf(run),
          time(run.createdAt),
        ]),
        'No run matches.',
      ));
    update(pager, [cursor, page.nextCursor, stack.length], () => [
      stack.length > 0 || cursor
        ? h('button', {
          type: 'button',
          id: 'newer-runs',
          onclick: () => ctx.go(runsHash(filters, stack.pop() || '')),
        }, 'Newer runs')
        : null,
      page.nextCursor
        ? h('button', {
          type: 'button',
          id: 'older-runs',
          onclick: () => {
            stack.push(cursor);
            ctx.go(runsHash(filters, page.nextCursor));
          },
        }, 'Older runs')
        : null,
    ]);
  };
  refresh.addEventListener('click', load);
  await load();
  if (!cursor) {
    ctx.every(3000, load);
  }
}

/** The lead of a lead-to-audit run, or the project, or the repository: what a person recognises a run by. */
function subjectOf(run) {
  const input = run.input || {};
  const result = run.result || {};
  if (input.leadId) {
    return h('span', { class: 'mono' }, input.leadId);
  }
  if (input.projectId || result.projectId) {
    return h('span', { class: 'mono' }, input.projectId || result.projectId);
  }
  if (input.repoUrl) {
    return input.repoUrl;
  }
  return '—';
}

export async function runPage(root, runId, ctx) {
  const body = h('div', {});
  fill(
    root,
    h('p', {}, h('a', { href: '#/runs' }, '← All runs')),
    h('h1', {}, 'Run ', h('span', { class: 'mono' }, runId)),
    body,
  );
  let flash = null;

  const load = async () => {
    let run;
    let deliveries;
    try {
      [run, deliveries] = await Promise.all([
        api(`/v1/runs/${encodeURIComponent(runId)}`),
        api(`/v1/runs/${encodeURIComponent(runId)}/deliveries`),
      ]);
    } catch (error) {
      fill(body, ctx.fail(error));
      return;
    }
    update(body, [run, deliveries, flash && flash.textContent], () => runDetails(run, deliveries.deliveries, flash, act));
  };

  /** Posts an action; `done` says what happened, shown once the run is read again. */
  const act = async (done, path) => {
    try {
      await api(path, { method: 'POST' });
      flash = message('ok', done);
    } catch (error) {
      flash = ctx.fail(error);
    }
    await load();
  };

  await load();
  ctx.every(2000, load);
}

function runDetails(run, deliveries, flash, act) {
  const actions = [];
  if (!isFinal(run.status)) {
    actions.push(h('button', {
      type: 'button',
      id: 'cancel-run',
      class: 'danger',
      onclick: async () => {
        const sure = await confirmAction({
          title: 'Cancel this run?',
          danger: true,
          confirmLabel: 'Cancel the run',
          body: [
            'No further step of this run will be executed; its callback gets one final run.failed saying it was cancelled (RUN_CANCELLED).',
            'A step executing at this very moment may still make its upstream call (a conversion already sent '
              + 'cannot be called back); its outcome is dropped.',
          ],
        });
        if (sure) {
          await act('The run was cancelled.', `/v1/runs/${encodeURIComponent(run.runId)}/cancel`);
        }
      },
    }, 'Cancel run'));
  }
  if (run.status === 'failed') {
    actions.push(h('button', {
      type: 'button',
      id: 'retry-run',
      class: 'primary',
      onclick: async () => {
        const sure = await confirmAction({
          title: 'Retry this run?',
          confirmLabel: 'Retry the run',
          body: [
            `It resumes at the step that failed (${run.step}), with its attempts reset.`,
            'It will not repeat what was already done: a confirmed conversion is never repeated, so the lead is '
              + 'not charged 1,000 credits again, and the steps that succeeded are not run again.',
            'A paid call whose outcome was left unconfirmed is looked up upstream first, twice; it is sent again '
              + 'only if both looks find it not done.',
            'Callbacks already delivered are not sent again; the run\'s next final event is a new one.',
          ],
        });
        if (sure) {
          await act('The run is queued again on its failed step.', `/v1/runs/${encodeURIComponent(run.runId)}/retry`);
        }
      },
    }, 'Retry run'));
  }
  return [
    h(
      'dl',
      { class: 'facts' },
      fact('Status', badge(run.status)),
      fact('Flow', run.flow),
      fact('Step', run.step),
      fact('Attempts on this step', String(run.attempts)),
      fact('Created', time(run.createdAt)),
      fact('Updated', time(run.updatedAt)),
      fact('Finished', time(run.finishedAt)),
    ),
    actions.length ? h('div', { class: 'actions' }, actions) : null,
    flash,
    run.error
      ? h(
        'section',
        { class: 'error-box', 'aria-labelledby': 'error-title' },
        h('h2', { id: 'error-title' }, 'Error'),
        h('p', {}, h('strong', { class: 'mono' }, run.error.code), run.error.upstreamStatus ? ` (upstream ${run.error.upstreamStatus})` : ''),
        h('p', { class: 'error-message' }, run.error.message),
      )
      : null,
    h(
      'div',
      { class: 'two' },
      section('input', 'Input', json(run.input)),
      section('result', 'Result',
        run.result ? json(run.result) : h('p', { class: 'muted' }, 'No result yet.'),
      ),
    ),
    section('timeline', 'Timeline',
      h(
        'ol',
        { class: 'timeline', id: 'timeline' },
        (run.timeline || []).map((entry) =>
          h(
            'li',
            {},
            h('div', { class: 'when' }, time(entry.at)),
            h('div', { class: 'what' }, h('span', { class: 'step' }, entry.step), ' ', h('span', { class: 'outcome' }, entry.outcome)),
            entry.detail ? h('div', { class: 'detail' }, entry.detail) : null,
          )),
      ),
    ),
    section('deliveries', 'Deliveries',
      deliveries.length === 0
        ? h('p', { class: 'muted' }, 'No event of this run was delivered or queued yet.')
        : deliveries.map((delivery) => deliveryCard(delivery, act)),
    ),
  ];
}

