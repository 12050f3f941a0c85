// The queue: filters (kept in the address so that a filtered view can be reloaded or shared), counts by
// status, one page of reports with cursor paging, and look-up by report id, reporter email or phone.
import { h, show, link } from '../dom.js';
import { t, label, formatKrw, formatInstant } from '../i18n.js';
import { get } from '../api.js';
import { filterForm, errorBox, notice, FILTER_FIELDS } from '../ui.js';
import { bindKeys } from '../keys.js';

export async function queueScreen({ main, query, navigate }) {
  const filter = Object.fromEntries(FILTER_FIELDS.filter((name) => query[name]).map((name) => [name, query[name]]));
  const cursors = query.cursors ? query.cursors.split(',') : []; // the cursors of the pages before this one
  const cursor = query.cursor || '';
  const route = (extra) => `queue?${new URLSearchParams({ ...filter, ...extra })}`;

  const form = filterForm(filter, (chosen) => navigate(`queue?${new URLSearchParams(chosen)}`));
  const counts = h('div', { class: 'counts', id: 'status-counts' });
  const results = h('div', { id: 'queue-results' }, notice(t('common.loading')));
  const lookup = lookupBox(navigate);
  show(main,
    h('h1', {}, t('queue.title')),
    h('p', { class: 'hint' }, t('queue.shortcutHint')),
    form, lookup.node, counts, results);

  loadCounts(counts, filter, navigate);

  let page;
  try {
    page = await get('/v1/admin/reports', { ...filter, cursor, limit: 25 });
  } catch (error) {
    show(results, errorBox(error));
    return null;
  }
  const items = page?.items ?? [];
  const pager = h('div', { class: 'pager' },
    cursors.length > 0 ? h('button', {
      type: 'button', id: 'queue-previous',
      onclick: () => navigate(route(cursors.length > 1
        ? { cursor: cursors[cursors.length - 1], cursors: cursors.slice(0, -1).join(',') }
        : (cursors[0] ? { cursor: cursors[0] } : {}))),
    }, t('queue.previous')) : null,
    h('span', { class: 'page-number' }, t('queue.page', { page: cursors.length + (cursor ? 1 : 0) + 1 })),
    page?.nextCursor ? h('button', {
      type: 'button', id: 'queue-next',
      onclick: () => navigate(route({ cursor: page.nextCursor, cursors: [...cursors, cursor].join(',') })),
    }, t('queue.next')) : null);
  show(results,
    h('p', { id: 'queue-shown' }, t('queue.shown', { count: items.length })),
    items.length === 0 ? notice(t('queue.empty')) : summaryTable(items),
    pager);
  // Read by the load-time measurement (docs: README "Admin page"): navigation start to the queue on screen.
  performance.mark('queue-rendered');

  return bindKeys({
    f: () => form.querySelector('select, input')?.focus(),
    '/': () => lookup.focus(),
    n: () => document.getElementById('queue-next')?.click(),
    p: () => document.getElementById('queue-previous')?.click(),
  });
}

async function loadCounts(node, filter, navigate) {
  try {
    const dashboard = await get('/v1/admin/dashboard', filter.incident ? { incident: filter.incident } : {});
    const byStatus = dashboard?.countsByStatus ?? dashboard?.byStatus ?? {};
    const entries = Array.isArray(byStatus) ? byStatus.map((e) => [e.status ?? e.key, e.count]) : Object.entries(byStatus);
    show(node, h('span', { class: 'counts-title' }, t('queue.counts')),
      entries.map(([status, count]) => h('a', {
        href: `#/queue?${new URLSearchParams({ ...filter, status })}`,
        class: status === (filter.status ?? 'NEEDS_REVIEW') ? 'count active' : 'count',
        dataset: { status },
      }, h('span', {}, label('status', status)), h('strong', {}, String(count)))));
  } catch (error) {
    node.replaceChildren(); // the counts are a help, not the queue: the dashboard screen shows what failed
  }
}

/** The reports as a table; every value is put in as text. */
export function summaryTable(items) {
  const head = ['col.report', 'col.received', 'col.status', 'col.incident', 'col.service', 'col.category',
    'col.reporterType', 'col.claimed', 'col.decision', 'col.reason', 'col.flags', 'col.priority'];
  return h('table', { class: 'reports', id: 'queue-table' },
    h('thead', {}, h('tr', {}, head.map((key) => h('th', {}, t(key))))),
    h('tbody', {}, items.map((item) => h('tr', { dataset: { reportId: item.reportId } },
      h('td', {}, link(`reports/${encodeURIComponent(item.reportId)}`, item.reportId)),
      h('td', {}, formatInstant(item.receivedAt)),
      h('td', {}, h('span', { class: `status status-${item.status}` }, label('status', item.status))),
      h('td', {}, item.incidentId ?? ''),
      h('td', {}, item.service ?? ''),
      h('td', {}, label('category', item.category)),
      h('td', {}, label('reporterType', item.reporterType)),
      h('td', { class: 'number' }, formatKrw(item.amountClaimedKrw)),
      h('td', {}, item.decision ? `${label('outcome', item.decision.outcome)} ${item.decision.amountKrw != null ? formatKrw(item.decision.amountKrw) : ''}` : ''),
      h('td', {}, item.triageReason ? label('reason', item.triageReason) : ''),
      h('td', {}, (item.riskFlags ?? []).map((flag) => h('span', { class: 'flag' }, label('flag', flag)))),
      h('td', { class: 'number' }, item.priority ?? '')))));
}

function lookupBox(navigate) {
  const kind = h('select', { id: 'lookup-kind' },
    h('option', { value: 'id' }, t('queue.lookupId')),
    h('option', { value: 'email' }, t('queue.lookupEmail')),
    h('option', { value: 'phone' }, t('queue.lookupPhone')));
  const input = h('input', { id: 'lookup-value', size: 28 });
  const found = h('div', { id: 'lookup-results' });
  const form = h('form', { class: 'lookup', id: 'lookup-form' },
    h('span', { class: 'lookup-title' }, t('queue.lookup')), kind, input,
    h('button', { type: 'submit', id: 'lookup-submit' }, t('queue.search')), found);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = input.value.trim();
    if (!value) {
      return;
    }
    if (kind.value === 'id') {
      navigate(`reports/${encodeURIComponent(value)}`);
      return;
    }
    try {
      const answer = await get('/v1/admin/reports/search', { [kind.value]: value });
      const items = answer?.items ?? [];
      show(found, h('h2', {}, t('queue.searchResults')), items.length ? summaryTable(items) : notice(t('queue.empty')));
    } catch (error) {
      show(found, errorBox(error));
    }
  });
  return { node: form, focus: () => input.focus() };
}
