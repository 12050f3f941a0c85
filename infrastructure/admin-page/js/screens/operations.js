// The operations trail (docs/admin-api.md, GET /v1/admin/operations): surge switches and decisions on detected
// incidents, newest first, with whether the entries shown link up as a SHA-256 chain. Text only.
import { h, show } from '../dom.js';
import { t, formatInstant } from '../i18n.js';
import { get } from '../api.js';
import { errorBox, notice } from '../ui.js';

export async function operationsSection() {
  const title = () => h('h2', {}, t('operations.title'));
  const section = h('section', { class: 'card', id: 'operations-trail' }, title(), notice(t('common.loading')));
  let answer;
  try {
    answer = await get('/v1/admin/operations');
  } catch (error) {
    show(section, title(), errorBox(error));
    return section;
  }
  const entries = [...(answer?.entries ?? [])].reverse();
  if (entries.length === 0) {
    show(section, title(), notice(t('operations.empty')));
    return section;
  }
  const chain = answer?.chain ?? {};
  const verdict = h('p', { id: 'operations-chain', dataset: { intact: String(chain.intact === true) } },
    chain.intact ? t('operations.intact', { count: entries.length })
      : t('operations.broken', { sequence: chain.firstBrokenSequence ?? '?', problem: chain.problem ?? '?' }));
  show(section, title(), verdict, h('table', { id: 'operations-table' },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, t('operations.at')), h('th', {}, t('operations.action')),
      h('th', {}, t('operations.actor')), h('th', {}, t('operations.detail')))),
    h('tbody', {}, entries.map((entry) => h('tr', { dataset: { sequence: String(entry.sequence), action: entry.action } },
      h('td', {}, String(entry.sequence)),
      h('td', {}, formatInstant(entry.at)),
      h('td', {}, t(`operations.action.${entry.action}`)),
      h('td', {}, entry.actor?.name ?? ''),
      h('td', { class: 'operations-detail' }, `${entry.subject ?? ''} ${entry.detail ?? ''}`.trim()))))));
  return section;
}
