// Detected incidents (a sharp rise of reports, docs/admin-api.md): the latest drafts and decisions with their
// services, first minute and counts per minute; a supervisor confirms or dismisses a draft. Text only.
import { h, show } from '../dom.js';
import { t, formatInstant } from '../i18n.js';
import { get, post } from '../api.js';
import { errorBox, notice } from '../ui.js';

/** The section of the incidents screen; `reload` shows the screen again after a decision. */
export async function detectedSection(supervisor, reload) {
  const section = h('section', { class: 'card', id: 'detected-incidents' }, h('h2', {}, t('detected.title')),
    notice(t('common.loading')));
  let answer;
  try {
    answer = await get('/v1/admin/detected-incidents');
  } catch (error) {
    show(section, h('h2', {}, t('detected.title')), errorBox(error));
    return section;
  }
  const items = answer?.items ?? [];
  if (items.length === 0) {
    show(section, h('h2', {}, t('detected.title')), notice(t('detected.empty')));
    return section;
  }
  const message = h('div', { id: 'detected-message' });
  show(section, h('h2', {}, t('detected.title')), message, h('table', { id: 'detected-table' },
    h('thead', {}, h('tr', {}, h('th', {}, t('detected.id')), h('th', {}, t('detected.state')),
      h('th', {}, t('detected.services')), h('th', {}, t('detected.firstSeen')), h('th', {}, t('detected.counts')),
      h('th', {}, ''))),
    h('tbody', {}, items.map((item) => row(item, supervisor, message, reload)))));
  return section;
}

const RECENT_MINUTES_SHOWN = 10;

function row(item, supervisor, message, reload) {
  const decide = async (action) => {
    try {
      const decided = await post(`/v1/admin/detected-incidents/${encodeURIComponent(item.incidentId)}/${action}`, {});
      show(message, notice(t(action === 'confirm' ? (decided.outageNoticesQueued ? 'detected.confirmedNotified'
        : 'detected.confirmed') : 'detected.dismissed', { id: item.incidentId, policy: decided.policyVersion ?? '' })));
      setTimeout(reload, 800);
    } catch (error) {
      show(message, errorBox(error));
    }
  };
  // The latest minutes only: an episode may last hours.
  const counts = (item.countsPerMinute ?? []).slice(-RECENT_MINUTES_SHOWN).map((minute) => `${formatInstant(minute.at)} `
    + Object.entries(minute.byService ?? {}).map(([service, count]) => `${service} ${count}`).join(', '));
  const buttons = supervisor && item.state === 'DRAFT' ? h('div', { class: 'buttons' },
    h('button', { type: 'button', class: 'detected-confirm', onclick: () => decide('confirm') }, t('detected.confirm')),
    h('button', { type: 'button', class: 'detected-dismiss', onclick: () => decide('dismiss') }, t('detected.dismiss')))
    : null;
  return h('tr', { dataset: { incidentId: item.incidentId, state: item.state } },
    h('td', {}, item.incidentId),
    h('td', { class: 'detected-state' }, t(`detected.state.${item.state}`)),
    h('td', {}, (item.services ?? []).join(', ')),
    h('td', {}, formatInstant(item.firstSeen)),
    h('td', {}, h('ul', { class: 'detected-counts' }, counts.map((line) => h('li', {}, line)))),
    h('td', {}, buttons));
}
