// Bulk decisions over a filter: a dry run (how many reports, how much money), then the confirmation that
// starts a job, then the job's progress. Nothing changes before the confirmation.
import { h, show } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { post } from '../api.js';
import { filterForm, readJobFilter, errorBox, notice, jobProgress } from '../ui.js';

const BULK_ACTIONS = ['approve', 'reject', 'request-documents'];

export async function bulkScreen({ main, me }) {
  if (me.role === 'viewer') {
    show(main, h('h1', {}, t('bulk.title')), h('p', { class: 'hint', id: 'bulk-forbidden' }, t('error.forbidden')));
    return null;
  }
  const outcome = h('div', { id: 'bulk-outcome' });
  const action = h('select', { id: 'bulk-action', name: 'action' },
    BULK_ACTIONS.map((code) => h('option', { value: code }, t(`action.${code}`))));
  const reason = h('textarea', { id: 'bulk-reason', name: 'reason', rows: 2 });
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const deadline = h('input', { type: 'date', id: 'bulk-deadline', name: 'deadline', value: inAWeek });
  const deadlineField = h('label', { class: 'field', hidden: true }, h('span', {}, t('form.deadline')), deadline);
  action.addEventListener('change', () => {
    deadlineField.hidden = action.value !== 'request-documents';
  });
  const form = filterForm({}, () => dryRun(), { submitLabel: t('bulk.dryRun'), id: 'bulk-filter' });
  form.querySelector('.buttons').before(
    h('label', { class: 'field' }, h('span', {}, t('bulk.action')), action),
    deadlineField,
    h('label', { class: 'field wide' }, h('span', {}, t('form.reason')), reason));

  async function dryRun() {
    const request = { filter: readJobFilter(form), action: action.value };
    if (reason.value.trim()) {
      request.reason = reason.value.trim();
    }
    if (action.value === 'request-documents' && deadline.value) {
      // the end of the chosen day in Korea, the reporters' time zone
      request.deadline = new Date(`${deadline.value}T23:59:59+09:00`).toISOString();
    }
    show(outcome, notice(t('common.loading')));
    try {
      const preview = await post('/v1/admin/bulk-decisions', { ...request, dryRun: true });
      if (!preview?.reports) {
        show(outcome, notice(t('bulk.nothing')));
        return;
      }
      const confirm = h('button', { type: 'button', id: 'bulk-confirm' }, t('bulk.confirm'));
      confirm.addEventListener('click', async () => {
        confirm.disabled = true;
        try {
          const started = await post('/v1/admin/bulk-decisions', { ...request, dryRun: false });
          show(outcome, notice(t('bulk.started', { jobId: started.jobId })), jobProgress(started.jobId));
        } catch (error) {
          confirm.disabled = false;
          outcome.append(errorBox(error));
        }
      });
      show(outcome, h('div', { class: 'dry-run', id: 'bulk-dry-run', dataset: { reports: preview.reports, amountKrw: preview.amountKrw ?? 0 } },
        h('p', { id: 'bulk-dry-run-text' }, t('bulk.dryRunResult', {
          action: t(`action.${request.action}`), reports: formatNumber(preview.reports), amount: formatNumber(preview.amountKrw ?? 0),
        })),
        h('div', { class: 'buttons' }, confirm,
          h('button', { type: 'button', class: 'secondary', id: 'bulk-cancel', onclick: () => show(outcome) }, t('common.cancel')))));
    } catch (error) {
      show(outcome, errorBox(error));
    }
  }

  show(main, h('h1', {}, t('bulk.title')), h('p', { class: 'hint' }, t('bulk.intro')), form, outcome);
  return null;
}
