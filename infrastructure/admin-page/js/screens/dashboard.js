// The dashboard: reports per minute and per hour by service, queue depth and age of the oldest message,
// counts by status and triage reason, money by rule, dead letters. Refreshed every 15 s while shown.
import { h, show } from '../dom.js';
import { t, label, formatInstant } from '../i18n.js';
import { get } from '../api.js';
import { errorBox, notice } from '../ui.js';
import { stackedBars, horizontalBars } from '../charts.js';

const REFRESH_MS = 15_000;

export async function dashboardScreen({ main, query, navigate }) {
  const incident = h('input', { id: 'dashboard-incident', value: query.incident ?? '', size: 16 });
  const form = h('form', { class: 'filters', id: 'dashboard-form' },
    h('label', { class: 'field' }, h('span', {}, t('dashboard.incident')), incident),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'dashboard-refresh' }, t('common.refresh'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(incident.value.trim() ? `dashboard?${new URLSearchParams({ incident: incident.value.trim() })}` : 'dashboard');
  });
  const body = h('div', { id: 'dashboard-body' }, notice(t('common.loading')));
  show(main, h('h1', {}, t('dashboard.title')), form, body);

  let timer = null;
  let stopped = false;
  const load = async () => {
    try {
      const figures = await get('/v1/admin/dashboard', query.incident ? { incident: query.incident } : {});
      if (!stopped) {
        show(body, render(figures ?? {}));
      }
    } catch (error) {
      if (!stopped) {
        show(body, errorBox(error));
      }
    }
    if (!stopped) {
      timer = setTimeout(load, REFRESH_MS);
    }
  };
  await load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function render(figures) {
  const queues = (figures.queues ?? []).filter((queue) => !queue.deadLetter).map((queue) => {
    const age = queue.oldestMessageAgeSeconds ?? queue.oldestAgeSeconds ?? queue.ageOfOldestMessageSeconds;
    return {
      name: queue.queue ?? queue.name,
      depth: number(queue.depth ?? queue.messages) + number(queue.inFlight) + number(queue.delayed),
      age: age == null ? null : number(age),
    };
  });
  const ages = queues.filter((q) => q.age != null);
  const deadLetters = (figures.deadLetters ?? []).map((dlq) => ({
    label: dlq.queue ?? dlq.name, value: number(dlq.count ?? dlq.messages ?? dlq.depth),
  }));
  return [
    h('p', { class: 'hint', id: 'dashboard-updated' }, t('dashboard.updated', { time: formatInstant(figures.generatedAt ?? new Date().toISOString()) })),
    surgeSection(figures.surge),
    h('div', { class: 'chart-grid' },
      timeChart(figures.reportsPerMinute ?? figures.perMinute, 'chart-per-minute', t('dashboard.perMinute'), 'minute'),
      timeChart(figures.reportsPerHour ?? figures.perHour, 'chart-per-hour', t('dashboard.perHour'), 'hour'),
      queues.length ? horizontalBars(queues.map((q) => ({ label: q.name, value: q.depth })), { id: 'chart-queue-depth', title: t('dashboard.depth') }) : null,
      ages.length ? horizontalBars(ages.map((q) => ({ label: q.name, value: q.age })), { id: 'chart-queue-age', title: t('dashboard.age'), unit: ' s' })
        : h('figure', { class: 'chart-figure', id: 'chart-queue-age' }, h('figcaption', {}, t('dashboard.age')), notice(t('dashboard.ageUnknown'))),
      countChart(figures.countsByStatus ?? figures.byStatus, 'chart-by-status', t('dashboard.byStatus'), 'status'),
      countChart(figures.countsByReason ?? figures.byTriageReason ?? figures.byReason, 'chart-by-reason', t('dashboard.byReason'), 'reason'),
      countChart(figures.moneyByRule ?? figures.amountByRule, 'chart-by-rule', t('dashboard.byRule'), null)),
    h('section', { class: 'card' }, h('h2', {}, t('dashboard.deadLetters')),
      deadLetters.length ? h('table', { id: 'dead-letters' },
        h('thead', {}, h('tr', {}, h('th', {}, t('dashboard.queue')), h('th', {}, t('dashboard.count')))),
        h('tbody', {}, deadLetters.map((row) => h('tr', {}, h('td', {}, row.label), h('td', { class: 'number' }, String(row.value))))))
        : notice(t('dashboard.noData'))),
  ];
}

// ---- surge: the surge controller's mode and its last switches (docs/surge.md)
function surgeSection(surge) {
  if (!surge) {
    return null;
  }
  const mode = surge.mode === 'SURGE' ? 'SURGE' : 'NORMAL';
  const switches = surge.switches ?? [];
  return h('section', { class: 'card', id: 'surge' },
    h('h2', {}, t('surge.title')),
    h('p', { id: 'surge-mode', dataset: { mode } },
      h('strong', {}, t(mode === 'SURGE' ? 'surge.modeSurge' : 'surge.modeNormal')),
      surge.since ? ` ${t('surge.since', { time: formatInstant(surge.since) })}` : '',
      surge.expectedProcessingSeconds != null
        ? ` · ${t('surge.expected', { minutes: String(Math.ceil(number(surge.expectedProcessingSeconds) / 60)) })}` : ''),
    switches.length ? h('table', { id: 'surge-switches' },
      h('thead', {}, h('tr', {}, ['surge.at', 'surge.to', 'surge.reason', 'surge.backlog', 'surge.arrivals', 'surge.drain',
        'surge.concurrency'].map((key) => h('th', {}, t(key))))),
      h('tbody', {}, switches.slice(0, 5).map((change) => h('tr', {},
        h('td', {}, formatInstant(change.at)),
        h('td', {}, t(change.to === 'SURGE' ? 'surge.modeSurge' : 'surge.modeNormal')),
        h('td', {}, String(change.reason ?? '')),
        h('td', { class: 'number' }, String(number(change.backlog))),
        h('td', { class: 'number' }, String(number(change.arrivalsPerMinute))),
        h('td', { class: 'number' }, String(number(change.processedPerMinute))),
        h('td', { class: 'number' }, String(number(change.processorConcurrency)))))))
      : notice(t('surge.noSwitches')));
}
// ---- end surge

function number(value) {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** Accepts [{at|minute|hour, service, count}] or {service: [{at, count}]}; one stacked bar per time bucket. */
function timeChart(points, id, title, unit) {
  const rows = [];
  if (Array.isArray(points)) {
    for (const point of points) {
      if (point.byService && typeof point.byService === 'object') {
        for (const [service, count] of Object.entries(point.byService)) {
          rows.push({ at: point.at ?? point[unit] ?? point.start, service, count: number(count) });
        }
      } else {
        rows.push({ at: point.at ?? point[unit] ?? point.start ?? point.time, service: point.service ?? 'all', count: number(point.count ?? point.reports) });
      }
    }
  } else if (points && typeof points === 'object') {
    for (const [service, series] of Object.entries(points)) {
      for (const point of series ?? []) {
        rows.push({ at: point.at ?? point[unit] ?? point.start, service, count: number(point.count ?? point.reports) });
      }
    }
  }
  if (rows.length === 0) {
    return h('figure', { class: 'chart-figure', id }, h('figcaption', {}, title), notice(t('dashboard.noData')));
  }
  const buckets = new Map();
  for (const row of rows.sort((a, b) => String(a.at).localeCompare(String(b.at)))) {
    const bucket = buckets.get(row.at) ?? { label: timeLabel(row.at, unit), values: {} };
    bucket.values[row.service] = (bucket.values[row.service] ?? 0) + row.count;
    buckets.set(row.at, bucket);
  }
  return stackedBars([...buckets.values()], { id, title });
}

function timeLabel(at, unit) {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) {
    return String(at);
  }
  const korea = new Date(date.getTime() + 9 * 3_600_000).toISOString();
  return unit === 'hour' ? `${korea.slice(5, 10)} ${korea.slice(11, 13)}h` : korea.slice(11, 16);
}

/** Accepts {code: n} or [{key|status|reason|ruleId, count|amountKrw}]. */
function countChart(counts, id, title, labelPrefix) {
  let rows = [];
  if (Array.isArray(counts)) {
    rows = counts.map((entry) => ({
      code: entry.status ?? entry.reason ?? entry.ruleId ?? entry.rule ?? entry.key,
      value: number(entry.count ?? entry.amountKrw ?? entry.value),
    }));
  } else if (counts && typeof counts === 'object') {
    rows = Object.entries(counts).map(([code, value]) => ({ code, value: number(value) }));
  }
  if (rows.length === 0) {
    return h('figure', { class: 'chart-figure', id }, h('figcaption', {}, title), notice(t('dashboard.noData')));
  }
  return horizontalBars(rows.map((row) => ({ label: labelPrefix ? label(labelPrefix, row.code) : row.code, value: row.value })), { id, title });
}
