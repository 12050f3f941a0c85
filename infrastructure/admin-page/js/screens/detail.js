// One report: the submission (every reporter-typed string as text), the decision and its explanation,
// flags, duplicates, the audit trail with its hash chain, and the decision actions this caller may take.
import { h, show, link, facts } from '../dom.js';
import { t, label, language, formatKrw, formatInstant, formatNumber } from '../i18n.js';
import { get, post, ApiError } from '../api.js';
import { errorBox, errorText, notice } from '../ui.js';
import { bindKeys } from '../keys.js';

/** Every decision action, its shortcut key and the fields its form asks for. */
export const ACTIONS = [
  { action: 'approve', key: 'a', fields: [] },
  { action: 'adjust', key: 'j', fields: ['amountKrw', 'reason'] },
  { action: 'reject', key: 'r', fields: ['reason'] },
  { action: 'request-documents', key: 'd', fields: ['reason', 'deadline'] },
  { action: 'mark-duplicate', key: 'm', fields: ['duplicateOf', 'reason'] },
  { action: 'unmark-duplicate', key: 'u', fields: ['reason'] },
  { action: 'reopen', key: 'o', fields: ['reason'] },
];

export async function detailScreen({ main, parts, navigate }) {
  const reportId = parts[1];
  show(main, notice(t('common.loading')));
  let report;
  let audit = null;
  try {
    [report, audit] = await Promise.all([
      get(`/v1/admin/reports/${encodeURIComponent(reportId)}`),
      get(`/v1/admin/reports/${encodeURIComponent(reportId)}/audit`).catch(() => null),
    ]);
  } catch (error) {
    show(main, link('queue', t('detail.back')), errorBox(error));
    return bindKeys({ b: () => navigate('queue'), Escape: () => navigate('queue') });
  }
  const actionPanel = h('section', { class: 'actions', id: 'actions' });
  const result = h('div', { id: 'action-result' });
  const allowed = ACTIONS.filter((spec) => (report.allowedActions ?? []).includes(spec.action));
  const openForm = (spec) => show(actionPanel, actionButtons(allowed, openForm),
    decisionForm(spec, report, async (body) => {
      try {
        const updated = await post(`/v1/admin/reports/${encodeURIComponent(reportId)}/decisions`, body);
        sessionStorage.setItem('damagedesk.lastResult', t('form.done', {
          action: t(`action.${spec.action}`), status: label('status', updated?.status ?? ''),
        }));
        navigate(`reports/${encodeURIComponent(reportId)}`);
      } catch (error) {
        show(result, conflictOrError(error, () => navigate(`reports/${encodeURIComponent(reportId)}`)));
      }
    }, () => show(actionPanel, actionButtons(allowed, openForm))));
  show(actionPanel, actionButtons(allowed, openForm));

  const previous = sessionStorage.getItem('damagedesk.lastResult');
  sessionStorage.removeItem('damagedesk.lastResult');

  const entries = audit?.entries ?? report.audit ?? [];
  show(main,
    h('p', {}, link('queue', t('detail.back'))),
    h('h1', { id: 'report-title', dataset: { reportId: report.reportId, version: report.version, status: report.status } },
      t('detail.title', { id: report.reportId })),
    previous ? h('p', { class: 'notice', id: 'last-result', role: 'status' }, previous) : null,
    result,
    h('div', { class: 'detail-grid' },
      h('div', {},
        section('detail.summary', summaryFacts(report)),
        section('detail.submission', submissionFacts(report.submission ?? {})),
        section('detail.decision', decisionFacts(report.decision)),
        section('detail.flags', flagFacts(report)),
        report.documentRequest ? section('detail.documentRequest', facts([
          [t('detail.deadline'), formatInstant(report.documentRequest.deadline)],
          [t('detail.requestedAt'), formatInstant(report.documentRequest.requestedAt)],
          [t('form.whatIsNeeded'), h('span', { class: 'typed', id: 'document-request-what' }, report.documentRequest.whatIsNeeded ?? '')],
        ])) : null,
        section('detail.duplicates', duplicateList(report))),
      h('div', {},
        h('h2', {}, t('detail.actions')),
        allowed.length ? actionPanel : h('p', { id: 'no-actions', class: 'hint' }, t('detail.noActions')),
        shortcutHelp(allowed))),
    section('detail.audit', auditTable(entries, audit?.chain)));

  const bindings = { b: () => navigate('queue'), Escape: () => navigate('queue') };
  for (const spec of allowed) {
    bindings[spec.key] = () => openForm(spec);
  }
  return bindKeys(bindings);
}

function section(titleKey, content, id) {
  return h('section', { class: 'card', id: id ?? `section-${titleKey.split('.')[1]}` }, h('h2', {}, t(titleKey)), content);
}

function summaryFacts(report) {
  return facts([
    [t('col.status'), h('span', { class: `status status-${report.status}`, id: 'report-status' }, label('status', report.status))],
    [t('col.received'), formatInstant(report.receivedAt)],
    [t('col.incident'), report.incidentId ?? ''],
    [t('col.service'), report.service ?? ''],
    [t('col.category'), label('category', report.category)],
    [t('col.reporterType'), label('reporterType', report.reporterType)],
    [t('col.claimed'), formatKrw(report.amountClaimedKrw)],
    [t('col.priority'), report.priority ?? ''],
    [t('col.version'), String(report.version ?? '')],
  ]);
}

function submissionFacts(submission) {
  const reporter = submission.reporter ?? {};
  return facts([
    [t('detail.name'), h('span', { id: 'reporter-name', class: 'typed' }, reporter.name ?? '')],
    [t('detail.email'), h('span', { id: 'reporter-email', class: 'typed' }, reporter.email ?? '')],
    [t('detail.phone'), h('span', { id: 'reporter-phone', class: 'typed' }, reporter.phone ?? '')],
    [t('detail.accountRef'), h('span', { id: 'reporter-account', class: 'typed' }, reporter.accountRef ?? '')],
    [t('detail.locale'), submission.locale ?? ''],
    [t('detail.occurred'), `${formatInstant(submission.occurredFrom)} – ${formatInstant(submission.occurredTo)}`],
    [t('col.claimed'), formatKrw(submission.amountClaimedKrw)],
    [t('detail.description'), h('p', { id: 'report-description', class: 'typed description' }, submission.description ?? '')],
  ]);
}

function decisionFacts(decision) {
  if (!decision) {
    return h('p', {}, t('common.none'));
  }
  const explanation = language() === 'ko' ? (decision.explanationKo ?? decision.explanationEn) : (decision.explanationEn ?? decision.explanationKo);
  const yesNo = (value) => (value == null ? t('common.none') : t(value ? 'common.yes' : 'common.no'));
  return facts([
    [t('detail.outcome'), label('outcome', decision.outcome)],
    [t('detail.rule'), decision.ruleId ?? ''],
    [t('detail.policyVersion'), decision.policyVersion ?? ''],
    [t('detail.amount'), formatKrw(decision.amountKrw)],
    [t('detail.extension'), decision.extensionMinutes != null ? t('common.minutes', { minutes: formatNumber(decision.extensionMinutes) }) : t('common.none')],
    [t('detail.eligible'), decision.eligibleOutageMinutes != null ? t('common.minutes', { minutes: formatNumber(decision.eligibleOutageMinutes) }) : t('common.none')],
    [t('detail.cancellation'), yesNo(decision.cancellationRight)],
    [t('detail.documentsRequired'), yesNo(decision.documentsRequired)],
    [t('detail.explanation'), h('p', { id: 'decision-explanation', class: 'description' }, explanation ?? '')],
  ]);
}

function flagFacts(report) {
  return facts([
    [t('col.reason'), report.triageReason ? label('reason', report.triageReason) : t('common.none')],
    [t('col.flags'), (report.riskFlags ?? []).length
      ? report.riskFlags.map((flag) => h('span', { class: 'flag' }, label('flag', flag))) : t('common.none')],
  ]);
}

function duplicateList(report) {
  const rows = [];
  if (report.duplicateOf) {
    rows.push(h('p', {}, `${t('detail.duplicateOf')}: `, link(`reports/${encodeURIComponent(report.duplicateOf)}`, report.duplicateOf)));
  }
  const duplicates = report.duplicates ?? [];
  if (duplicates.length) {
    rows.push(h('ul', { id: 'duplicates' }, duplicates.map((id) => h('li', {}, link(`reports/${encodeURIComponent(id)}`, id)))));
  }
  return rows.length ? rows : h('p', { class: 'hint' }, t('detail.noDuplicates'));
}

function auditTable(entries, chain) {
  const actor = (a) => (a ? [a.name || a.id, a.role ? ` (${label('role', a.role)})` : '', a.kind && a.kind !== 'STAFF' ? ` [${a.kind}]` : ''].join('') : '');
  const state = (v) => {
    if (v == null) {
      return '';
    }
    if (typeof v !== 'object') {
      return String(v);
    }
    return [v.status ? label('status', v.status) : '', v.outcome ? label('outcome', v.outcome) : '',
      v.amountKrw != null ? formatKrw(v.amountKrw) : '', v.ruleId ?? '', v.duplicateOf ? `${t('detail.duplicateOf')} ${v.duplicateOf}` : '']
      .filter(Boolean).join(', ');
  };
  const change = (before, after) => `${state(before)} → ${state(after)}`;
  return [
    chain ? h('p', { id: 'audit-chain', class: chain.intact ? 'notice' : 'error', dataset: { intact: String(Boolean(chain.intact)) } },
      chain.intact ? t('detail.chainIntact') : t('detail.chainBroken', { sequence: chain.firstBrokenSequence, problem: chain.problem ?? '' })) : null,
    h('table', { class: 'audit', id: 'audit-table' },
      h('thead', {}, h('tr', {}, ['audit.sequence', 'audit.at', 'audit.actor', 'audit.action', 'audit.change', 'audit.reason'].map((k) => h('th', {}, t(k))))),
      h('tbody', {}, entries.map((entry) => h('tr', { dataset: { action: entry.action, sequence: entry.sequence } },
        h('td', { class: 'number' }, String(entry.sequence ?? '')),
        h('td', {}, formatInstant(entry.at)),
        h('td', {}, actor(entry.actor)),
        h('td', {}, label('audit.action', entry.action)),
        h('td', { class: 'change' }, change(entry.before, entry.after)),
        h('td', { class: 'typed' }, entry.reason ?? ''))))),
  ];
}

function actionButtons(allowed, openForm) {
  return h('div', { class: 'action-buttons' }, allowed.map((spec) => h('button', {
    type: 'button', id: `action-${spec.action}`, dataset: { action: spec.action }, onclick: () => openForm(spec),
    title: t(`shortcut.${spec.action}`),
  }, t(`action.${spec.action}`), h('kbd', {}, spec.key))));
}

function shortcutHelp(allowed) {
  return h('section', { class: 'shortcuts', id: 'shortcuts' }, h('h3', {}, t('detail.shortcuts')),
    h('ul', {}, allowed.map((spec) => h('li', {}, t(`shortcut.${spec.action}`))), h('li', {}, t('shortcut.back'))));
}

function decisionForm(spec, report, submit, cancel) {
  const controls = {};
  const rows = spec.fields.map((name) => {
    let control;
    if (name === 'amountKrw') {
      control = h('input', { type: 'number', min: 0, step: 1, id: 'form-amountKrw', name, required: true });
    } else if (name === 'deadline') {
      const inAWeek = new Date(Date.now() + 7 * 86_400_000);
      control = h('input', { type: 'date', id: 'form-deadline', name, required: true, value: inAWeek.toISOString().slice(0, 10) });
    } else if (name === 'duplicateOf') {
      control = h('input', { id: 'form-duplicateOf', name, required: true, size: 30 });
    } else {
      control = h('textarea', { id: 'form-reason', name, rows: 3, required: spec.action !== 'approve' });
    }
    controls[name] = control;
    const caption = name === 'reason' && spec.action === 'request-documents' ? t('form.whatIsNeeded') : t(`form.${name}`);
    return h('label', { class: 'field' }, h('span', {}, caption), control);
  });
  const message = h('p', { class: 'error empty', id: 'form-error' });
  const form = h('form', { class: 'decision-form', id: 'decision-form', dataset: { action: spec.action } },
    h('h3', {}, t(`action.${spec.action}`)), rows, message,
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', id: 'decision-submit' }, t('form.submit', { action: t(`action.${spec.action}`) })),
      h('button', { type: 'button', class: 'secondary', id: 'decision-cancel', onclick: cancel }, t('common.cancel'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { action: spec.action, version: report.version };
    for (const [name, control] of Object.entries(controls)) {
      const value = control.value.trim();
      if (!value && control.required) {
        message.textContent = `${t(`form.${name}`)}: ${t('form.required')}`;
        message.className = 'error';
        control.focus();
        return;
      }
      if (!value) {
        continue;
      }
      if (name === 'amountKrw') {
        body.amountKrw = Number(value);
      } else if (name === 'deadline') {
        // the end of the chosen day in Korea, the reporter's time zone
        body.deadline = new Date(`${value}T23:59:59+09:00`).toISOString();
      } else {
        body[name] = value;
      }
    }
    form.querySelector('#decision-submit').disabled = true;
    submit(body).finally(() => {
      const button = form.querySelector('#decision-submit');
      if (button) {
        button.disabled = false;
      }
    });
  });
  setTimeout(() => (Object.values(controls)[0] ?? form.querySelector('#decision-submit')).focus(), 0);
  return form;
}

/** A 409 says plainly what happened and offers the reload; other errors are shown as they are. */
function conflictOrError(error, reload) {
  if (error instanceof ApiError && error.status === 409) {
    const stale = error.hasCode('stale-version');
    return h('div', { class: 'conflict', id: 'conflict', role: 'alert', dataset: { code: stale ? 'stale-version' : 'transition-not-allowed' } },
      h('p', {}, stale ? t('error.stale') : errorText(error)),
      h('button', { type: 'button', id: 'conflict-reload', onclick: reload }, t('common.reload')));
  }
  return errorBox(error);
}
