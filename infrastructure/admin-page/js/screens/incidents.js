// Incidents: the list, one incident's ledger (view; import for supervisors) and its policy versions
// (validate and publish for supervisors). Ledgers and policies are shown as JSON text in text areas.
import { h, show, link } from '../dom.js';
import { t, formatInstant } from '../i18n.js';
import { get, put, post } from '../api.js';
import { errorBox, notice } from '../ui.js';
import { detectedSection } from './detected.js';
import { operationsSection } from './operations.js';

export async function incidentsScreen({ main, parts, me, navigate }) {
  const supervisor = me.role === 'supervisor';
  if (parts[1]) {
    return incidentDetail(main, parts[1], supervisor, navigate);
  }
  show(main, h('h1', {}, t('incidents.title')), notice(t('common.loading')));
  const opener = openForm(navigate);
  let answer;
  try {
    answer = await get('/v1/admin/incidents');
  } catch (error) {
    show(main, h('h1', {}, t('incidents.title')), opener, errorBox(error));
    return null;
  }
  const incidents = answer?.items ?? answer?.incidents ?? (Array.isArray(answer) ? answer : []);
  const list = incidents.length === 0 ? notice(t('incidents.empty')) : h('table', { id: 'incidents-table' },
    h('tbody', {}, incidents.map((incident) => {
      const id = incident.incidentId ?? incident.id;
      return h('tr', { dataset: { incidentId: id } },
        h('td', {}, link(`incidents/${encodeURIComponent(id)}`, id)),
        h('td', {}, incident.name ?? incident.title ?? ''),
        h('td', {}, incident.status ?? ''),
        h('td', {}, incident.activePolicyVersion ?? ''));
    })));
  const importer = supervisor ? importForm(null, () => navigate('incidents')) : null;
  const detected = await detectedSection(supervisor, () => incidentsScreen({ main, parts, me, navigate }));
  const operations = await operationsSection();
  show(main, h('h1', {}, t('incidents.title')), detected, opener, list, importer, operations);
  return null;
}

/** Opens an incident by its id (the list may be long, or not offered by the API). */
function openForm(navigate) {
  const id = h('input', { id: 'open-incident-id', size: 20 });
  const form = h('form', { class: 'lookup', id: 'open-incident-form' },
    h('span', { class: 'lookup-title' }, t('incidents.id')), id,
    h('button', { type: 'submit', id: 'open-incident' }, t('incidents.open')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (id.value.trim()) {
      navigate(`incidents/${encodeURIComponent(id.value.trim())}`);
    }
  });
  return form;
}

async function incidentDetail(main, incidentId, supervisor, navigate) {
  show(main, notice(t('common.loading')));
  const path = `/v1/admin/incidents/${encodeURIComponent(incidentId)}`;
  let ledger;
  let policies;
  try {
    [ledger, policies] = await Promise.all([get(path), get(`${path}/policies`).catch(() => null)]);
  } catch (error) {
    show(main, link('incidents', t('incidents.title')), errorBox(error));
    return null;
  }
  const versions = policies?.items ?? policies?.versions ?? (Array.isArray(policies) ? policies : []);
  show(main,
    h('p', {}, link('incidents', t('incidents.title'))),
    h('h1', {}, incidentId),
    h('section', { class: 'card' }, h('h2', {}, t('incidents.ledger')),
      supervisor ? importForm(incidentId, () => navigate(`incidents/${encodeURIComponent(incidentId)}`), ledger)
        : h('pre', { id: 'ledger-json', class: 'json' }, JSON.stringify(ledger, null, 2))),
    h('section', { class: 'card' }, h('h2', {}, t('incidents.policies')),
      h('table', { id: 'policies-table' },
        h('thead', {}, h('tr', {}, h('th', {}, t('incidents.version')), h('th', {}, ''), h('th', {}, ''))),
        h('tbody', {}, versions.map((version) => h('tr', {},
          h('td', {}, String(version.version ?? version.policyVersion ?? '')),
          h('td', {}, version.active ? h('strong', {}, t('incidents.active')) : ''),
          h('td', {}, formatInstant(version.publishedAt ?? version.createdAt)))))),
      supervisor ? policyForm(path, () => navigate(`incidents/${encodeURIComponent(incidentId)}`)) : null));
  return null;
}

function parseJson(text, message) {
  try {
    return JSON.parse(text);
  } catch (error) {
    message.className = 'error';
    message.textContent = t('incidents.badJson', { message: error.message });
    return undefined;
  }
}

function importForm(incidentId, done, ledger) {
  const id = h('input', { id: 'import-incident-id', value: incidentId ?? '', readOnly: Boolean(incidentId), required: true });
  const text = h('textarea', { id: 'ledger-json', class: 'json', rows: 16, value: ledger ? JSON.stringify(ledger, null, 2) : '' });
  const message = h('p', { id: 'import-message', class: 'notice empty' });
  const form = h('form', { id: 'import-form' },
    h('label', { class: 'field' }, h('span', {}, t('incidents.newId')), id), text, message,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'import-submit' }, t('incidents.import'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const document_ = parseJson(text.value, message);
    if (document_ === undefined || !id.value.trim()) {
      return;
    }
    try {
      await put(`/v1/admin/incidents/${encodeURIComponent(id.value.trim())}`, document_);
      message.className = 'notice';
      message.textContent = t('incidents.imported');
      setTimeout(done, 800);
    } catch (error) {
      message.replaceWith(Object.assign(errorBox(error), { id: 'import-message' }));
    }
  });
  return form;
}

function policyForm(path, done) {
  const text = h('textarea', { id: 'policy-json', class: 'json', rows: 12 });
  const message = h('div', { id: 'policy-message' });
  const send = async (dryRun) => {
    const probe = h('p', {});
    const documentValue = parseJson(text.value, probe);
    if (documentValue === undefined) {
      show(message, probe);
      return;
    }
    try {
      await post(`${path}/policies`, { document: documentValue, dryRun });
      show(message, notice(t(dryRun ? 'incidents.valid' : 'incidents.published')));
      if (!dryRun) {
        setTimeout(done, 800);
      }
    } catch (error) {
      show(message, errorBox(error));
    }
  };
  return h('form', { id: 'policy-form', onsubmit: (event) => event.preventDefault() },
    h('label', { class: 'field wide' }, h('span', {}, t('incidents.policyDocument')), text), message,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'policy-validate', onclick: () => send(true) }, t('incidents.validate')),
      h('button', { type: 'button', id: 'policy-publish', onclick: () => send(false) }, t('incidents.publish'))));
}
