// CSV export of a filter: started as a job, followed until the presigned download link is there.
import { h, show } from '../dom.js';
import { t } from '../i18n.js';
import { post } from '../api.js';
import { filterForm, readJobFilter, errorBox, notice, jobProgress } from '../ui.js';

export async function exportScreen({ main, me }) {
  const outcome = h('div', { id: 'export-outcome' });
  const personal = h('input', { type: 'checkbox', id: 'export-personal', name: 'includePersonalData' });
  const form = filterForm({}, async () => {
    show(outcome, notice(t('common.loading')));
    try {
      const started = await post('/v1/admin/exports', { filter: readJobFilter(form), includePersonalData: personal.checked });
      show(outcome, notice(t('export.started', { jobId: started.jobId })), jobProgress(started.jobId));
    } catch (error) {
      show(outcome, errorBox(error));
    }
  }, { submitLabel: t('export.start'), id: 'export-filter' });
  if (me.role === 'supervisor') {
    form.querySelector('.buttons').before(h('label', { class: 'field check' }, personal, h('span', {}, t('export.personal'))));
  }
  show(main, h('h1', {}, t('export.title')), h('p', { class: 'hint' }, t('export.intro')), form, outcome);
  return null;
}
