// Pieces shared by the screens: error boxes, the report filter form, job progress.
import { h, show } from './dom.js';
import { t, label, formatKrw } from './i18n.js';
import { ApiError, get } from './api.js';

export const STATUSES = ['NEEDS_REVIEW', 'NEEDS_DOCUMENTS', 'RECEIVED', 'SCORED', 'AUTO_APPROVED', 'APPROVED', 'REJECTED', 'PAID', 'DISPUTED'];
export const CATEGORIES = ['paid-subscription', 'failed-purchase', 'free-service-money-lost', 'business-loss', 'no-monetary-damage'];
export const REASONS = ['manual-review', 'documents-required', 'risk-flagged', 'duplicate', 'audit-sample', 'auto-approved'];
export const FLAGS = ['outlier-amount', 'many-reports-from-contact', 'window-contradicts-ledger'];
export const FILTER_FIELDS = ['status', 'incident', 'service', 'category', 'from', 'to', 'reason', 'flag', 'order'];

/** The text to show for a failed call; field errors come from the API already in the page's language. */
export function errorText(error) {
  if (error instanceof ApiError) {
    if (error.errors.length > 0) {
      return error.errors.map((e) => (e.field ? `${e.field}: ${e.message || e.code}` : e.message || e.code)).join(' · ');
    }
    if (error.status === 0) {
      return t('error.network');
    }
    if (error.status === 403) {
      return t('error.forbidden');
    }
    return t('error.generic', { status: error.status });
  }
  return String(error?.message || error);
}

export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, errorText(error));
}

export function notice(text) {
  return h('p', { class: 'notice', role: 'status' }, text);
}

function select(name, options, selected, anyLabel = t('filter.any')) {
  const node = h('select', { name, id: `filter-${name}` });
  if (anyLabel !== null) {
    node.append(h('option', { value: '' }, anyLabel));
  }
  for (const [value, text] of options) {
    node.append(h('option', { value, selected: value === selected }, text));
  }
  return node;
}

function field(name, control) {
  return h('label', { class: 'field' }, h('span', {}, t(`filter.${name}`)), control);
}

/** datetime-local value (Asia/Seoul is not assumed: the browser's own zone) ↔ ISO instant. */
function toInstant(localValue) {
  return localValue ? new Date(localValue).toISOString() : '';
}

function toLocalInput(instant) {
  if (!instant) {
    return '';
  }
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const offset = date.getTimezoneOffset() * 60_000;
  return new Date(date.getTime() - offset).toISOString().slice(0, 16);
}

let incidentsCache = null;

async function incidentIds() {
  if (!incidentsCache) {
    incidentsCache = get('/v1/admin/incidents')
      .then((answer) => (answer?.items ?? answer?.incidents ?? (Array.isArray(answer) ? answer : []))
        .map((incident) => incident.incidentId ?? incident.id).filter(Boolean))
      .catch(() => []);
  }
  return incidentsCache;
}

/**
 * The queue's filter as a form. `onSubmit(filter)` gets the filter as the API's query parameters
 * (empty ones left out). `withStatusDefault` keeps the queue's default NEEDS_REVIEW preselected.
 */
export function filterForm(initial, onSubmit, { submitLabel = t('common.apply'), id = 'filter-form' } = {}) {
  const incident = select('incident', [], initial.incident);
  const form = h('form', { class: 'filters', id, novalidate: true },
    field('status', select('status', STATUSES.map((s) => [s, label('status', s)]), initial.status ?? 'NEEDS_REVIEW', null)),
    field('incident', incident),
    field('service', h('input', { name: 'service', id: 'filter-service', value: initial.service ?? '', size: 12 })),
    field('category', select('category', CATEGORIES.map((c) => [c, label('category', c)]), initial.category)),
    field('from', h('input', { type: 'datetime-local', name: 'from', id: 'filter-from', value: toLocalInput(initial.from) })),
    field('to', h('input', { type: 'datetime-local', name: 'to', id: 'filter-to', value: toLocalInput(initial.to) })),
    field('reason', select('reason', REASONS.map((r) => [r, label('reason', r)]), initial.reason)),
    field('flag', select('flag', FLAGS.map((f) => [f, label('flag', f)]), initial.flag)),
    field('order', select('order', [['oldest', t('order.oldest')], ['priority', t('order.priority')]], initial.order ?? 'oldest', null)),
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: `${id}-submit` }, submitLabel)));
  incidentIds().then((ids) => {
    for (const value of ids) {
      incident.append(h('option', { value, selected: value === initial.incident }, value));
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(readFilter(form));
  });
  return form;
}

/** The filter of a bulk decision or an export: the queue's fields without its order (docs/admin-api.md). */
export function readJobFilter(form) {
  const { order, ...filter } = readFilter(form);
  return filter;
}

export function readFilter(form) {
  const data = new FormData(form);
  const filter = {};
  for (const name of FILTER_FIELDS) {
    let value = String(data.get(name) ?? '').trim();
    if (name === 'from' || name === 'to') {
      value = toInstant(value);
    }
    if (value) {
      filter[name] = value;
    }
  }
  return filter;
}

/** Follows a job (bulk decision or export) until it is done; shows progress and, for exports, the link. */
export function jobProgress(jobId, { onDone } = {}) {
  const text = h('p', { class: 'job-text', id: 'job-text' }, t('common.loading'));
  const bar = h('progress', { id: 'job-progress', max: 1, value: 0 });
  const status = h('p', { class: 'job-status', id: 'job-status' });
  const extra = h('div', { class: 'job-extra' });
  const box = h('section', { class: 'job', id: 'job', dataset: { jobId } }, h('h3', {}, jobId), status, bar, text, extra);
  let stopped = false;
  const poll = async () => {
    if (stopped || !box.isConnected && box.dataset.started) {
      return;
    }
    box.dataset.started = 'yes';
    try {
      const job = await get(`/v1/admin/jobs/${encodeURIComponent(jobId)}`);
      status.textContent = t('job.status', { status: label('job.status', job.status) });
      box.dataset.status = job.status;
      bar.max = Math.max(1, job.total ?? 0);
      bar.value = job.processed ?? 0;
      text.textContent = t('job.progress', { processed: job.processed ?? 0, total: job.total ?? 0, failed: job.failed ?? 0 })
        + (job.skipped ? ` · ${t('job.skipped', { skipped: job.skipped })}` : '')
        + (job.amountKrw != null ? ` · ${formatKrw(job.amountKrw)}` : '');
      if (job.status === 'DONE' || job.status === 'FAILED') {
        stopped = true;
        if (job.downloadUrl && /^https?:\/\//i.test(job.downloadUrl)) {
          show(extra, h('a', { href: job.downloadUrl, id: 'export-download', class: 'button', download: '' }, t('export.download')));
        }
        onDone?.(job);
        return;
      }
    } catch (error) {
      show(extra, errorBox(error));
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
        return;
      }
    }
    setTimeout(poll, 1000);
  };
  poll();
  return box;
}
