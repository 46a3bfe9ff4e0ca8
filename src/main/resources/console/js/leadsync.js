// Lead sync: what a sync would do (the dry run: leads it would convert, credits it would spend), then "run now".
import { api } from './api.js';
import { confirmAction, fact, fill, h, message, table } from './dom.js';

const CREDITS_PER_CONVERSION = 1000;

export async function leadSyncPage(root, ctx) {
  const rules = h('div', {});
  const report = h('div', { id: 'dry-run-report' });
  const note = h('div', {});
  let lastReport = null;

  const dryRun = h('button', { type: 'button', id: 'dry-run', class: 'primary' }, 'Dry run');
  const runNow = h('button', { type: 'button', id: 'run-now' }, 'Run now');
  fill(
    root,
    h('h1', {}, 'Lead sync'),
    h(
      'p',
      {},
      'A sync reads the Audity account\'s leads, announces the new ones (lead.arrived) and converts the young, ',
      'unconverted leads that score high enough, within the daily cap and the account\'s credits. ',
      'The dry run spends nothing.',
    ),
    rules,
    h('div', { class: 'actions' }, dryRun, runNow),
    note,
    report,
  );

  dryRun.addEventListener('click', async () => {
    fill(note, message('info', 'Reading the account\'s leads…'));
    try {
      lastReport = await api('/v1/lead-sync?dryRun=true', { method: 'POST' });
      fill(note);
      fill(report, reportOf(lastReport));
    } catch (error) {
      fill(note, ctx.fail(error));
    }
  });

  runNow.addEventListener('click', async () => {
    const spend = lastReport
      ? `The last dry run would convert ${(lastReport.converted || []).length} lead(s) and spend ${lastReport.creditsSpent.toLocaleString()} credits; the real sync decides again on the leads and credits it reads now.`
      : `No dry run was made: each conversion spends ${CREDITS_PER_CONVERSION.toLocaleString()} credits. A dry run first shows how many it would make.`;
    const sure = await confirmAction({
      title: 'Run the lead sync now?',
      confirmLabel: 'Run the sync',
      body: [spend, 'A lead is converted at most once, whatever the number of syncs.'],
    });
    if (!sure) {
      return;
    }
    try {
      await api('/v1/lead-sync', { method: 'POST' });
      fill(note, message('ok', 'The sync is scheduled and runs now; its conversions appear as lead-to-audit runs.'));
    } catch (error) {
      fill(note, ctx.fail(error));
    }
  });

  try {
    const settings = await api('/v1/lead-sync');
    const r = settings.rules || {};
    fill(
      rules,
      h(
        'dl',
        { class: 'facts' },
        fact('On the schedule', settings.enabled ? `yes (${settings.cron})` : 'no'),
        fact('Lowest score converted', r.minScore),
        fact('Oldest lead converted', age(r.maxAge)),
        fact('Most conversions a day', r.maxPerDay),
        fact('Credits kept in reserve', r.creditFloor),
      ),
    );
  } catch (error) {
    fill(rules, ctx.fail(error));
  }
}

function reportOf(report) {
  const r = { arrived: [], converted: [], skipped: [], ...report };
  return [
    h('h2', {}, 'What a sync would do now'),
    h(
      'dl',
      { class: 'facts' },
      fact('Leads read', r.leadsRead),
      fact('New leads (lead.arrived)', r.arrived.length),
      fact('Would convert', r.converted.length),
      fact('Credits it would spend', r.creditsSpent.toLocaleString()),
      fact('Credits now', r.creditsBefore === null || r.creditsBefore === undefined ? 'not given' : r.creditsBefore.toLocaleString()),
      fact('Can create a project', r.canCreateProject === null || r.canCreateProject === undefined ? 'not asked' : r.canCreateProject ? 'yes' : 'no'),
      fact('Projects remaining', r.projectsRemaining === null || r.projectsRemaining === undefined ? 'not asked' : r.projectsRemaining),
    ),
    table(
      'Leads it would convert',
      ['Lead', 'Credits'],
      r.converted.map((c) => [h('span', { class: 'mono' }, c.leadId), CREDITS_PER_CONVERSION.toLocaleString()]),
      'No lead would be converted.',
    ),
    table(
      'Leads it would leave',
      ['Lead', 'Why'],
      r.skipped.map((s) => [h('span', { class: 'mono' }, s.leadId), s.reason]),
      'No lead left aside.',
    ),
  ];
}

/** A duration as the API gives it (nanoseconds, or an ISO-8601 text), in days when whole. */
function age(value) {
  if (typeof value === 'number') {
    const days = value / 86400e9;
    return Number.isInteger(days) ? `${days} days` : `${Math.round(value / 3600e9)} hours`;
  }
  return value;
}

