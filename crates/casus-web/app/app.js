// casus web app: the router (every view's state lives in the URL hash, so a
// link reproduces it) and the three views — scenario and answer, alliance
// membership, escalation.

import { api } from './api.js';
import { WorldMap } from './map.js';
import { $, el, showError, dateSlider, typeahead, addChip, chipValues, clearChips, isDate, today, addDays } from './ui.js';

const map = new WorldMap($('#map'));
const state = { view: 'why', params: new URLSearchParams() };

// Key dates on the scenario slider (labels only; verdicts come from the knowledge base).
const KEY_DATES = [
  { date: '1949-08-24', label: 'NATO in force' },
  { date: '1994-04-20', label: 'CSTO in force' },
  { date: '2001-09-12', label: 'NATO invokes Art. 5' },
  { date: '2014-03-18', label: 'Crimea annexed' },
  { date: '2020-10-07', label: 'Karabakh war' },
  { date: '2022-02-24', label: 'Invasion of Ukraine' },
  { date: '2022-09-13', label: 'Jermuk shelled' },
  { date: '2023-04-04', label: 'Finland joins NATO' },
  { date: '2024-02-22', label: 'Armenia freezes CSTO' },
  { date: '2024-03-07', label: 'Sweden joins NATO' },
];
const SLIDER_MIN = '1945-01-01';
const sliderMax = () => (today() > '2026-12-31' ? today() : '2026-12-31');

// ---- names ------------------------------------------------------------------

const names = new Map();
function nameOf(id) {
  if (names.has(id)) return names.get(id);
  const paths = map.byId?.get(id) || [];
  const path = paths.find((p) => p.dataset.mainland) || paths[0];
  return path ? path.dataset.name : id;
}
const listNames = (ids) => ids.map(nameOf).join(', ');

// ---- router -------------------------------------------------------------------

function readHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [view, query = ''] = hash.split('?');
  return { view: ['why', 'alliance', 'escalate'].includes(view) ? view : 'why', params: new URLSearchParams(query) };
}

function writeHash(view, params) {
  const query = params.toString();
  const hash = `#/${view}${query ? `?${query}` : ''}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

function pushHash(view, params) {
  const query = params.toString();
  const hash = `#/${view}${query ? `?${query}` : ''}`;
  if (location.hash !== hash) history.pushState(null, '', hash);
}

function showView(view) {
  state.view = view;
  for (const v of document.querySelectorAll('.view')) v.hidden = v.dataset.view !== view;
  for (const a of document.querySelectorAll('.tabs a')) {
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  map.clear();
  map.clearCopies();
  map.reset();
  legend([]);
  $('#map-place').textContent = '';
}

async function route() {
  const { view, params } = readHash();
  showView(view);
  await map.ready;
  if (view === 'why') whyView.restore(params);
  if (view === 'alliance') allianceView.restore(params);
  if (view === 'escalate') escView.restore(params);
}

// ---- legend -------------------------------------------------------------------

const SWATCH = {
  attacker: '<rect width="20" height="14" fill="#3b3b3b"/>',
  defender: '<rect width="20" height="14" fill="#1f6fd1"/>',
  triggered: '<rect width="20" height="14" fill="#b3261e"/>',
  contested: '<rect width="20" height="14" fill="#f3d9a8"/><path d="M0 14L14 0M6 14L20 0M-4 6L6 -4" stroke="#b86e00" stroke-width="3"/>',
  member: '<rect width="20" height="14" fill="#2f7d4f"/>',
  frozen: '<rect width="20" height="14" fill="#f3d9a8"/><circle cx="6" cy="7" r="2.5" fill="#b86e00"/><circle cx="14" cy="7" r="2.5" fill="#b86e00"/>',
  hatched: '<rect width="20" height="14" fill="#e9e6df"/><path d="M0 14L14 0M6 14L20 0M-4 6L6 -4" stroke="#1b1f24" stroke-width="1.5"/>',
  place: '<rect width="20" height="14" fill="#dfe9f3"/><circle cx="10" cy="7" r="4.5" fill="#ffbf47" stroke="#1b1f24" stroke-width="1.5"/>',
  'side-defenders': '<rect width="20" height="14" fill="#1f6fd1"/>',
  'side-attackers': '<rect width="20" height="14" fill="#b3261e"/>',
};
function legend(entries) {
  $('#legend').replaceChildren(
    ...entries.map(([key, text]) => {
      const span = el('span', {});
      span.innerHTML = `<svg viewBox="0 0 20 14" aria-hidden="true">${SWATCH[key]}</svg>`;
      span.append(text);
      return span;
    }),
  );
}

// ---- place resolution (map clicks) -------------------------------------------------

function describePlace(p) {
  const holders = (list) => (list || []).filter((h) => h.holds !== 'no').map((h) => h.name || nameOf(h.polity));
  const where = p.territory_name || (p.geo && p.geo.sea) || 'no territory';
  const sov = holders(p.sovereign);
  const ctl = holders(p.controller);
  let text = `${p.place} → ${where}`;
  if (sov.length) text += `; sovereign ${sov.join(', ')}`;
  if (ctl.length && ctl.join() !== sov.join()) text += `; controller ${ctl.join(', ')}`;
  return text;
}

function placeDiffers(p) {
  const ids = (list) => (list || []).filter((h) => h.holds !== 'no').map((h) => h.polity).sort().join();
  return p.territory && ids(p.controller) && ids(p.sovereign) !== ids(p.controller);
}

async function resolveClick(lat, lon) {
  const coords = `${lat.toFixed(4)},${lon.toFixed(4)}`;
  const target = state.view === 'escalate' ? $('#esc-at') : $('#why-at');
  const dateInput = state.view === 'escalate' ? $('#esc-on') : state.view === 'alliance' ? $('#alliance-on') : $('#why-on');
  if (state.view !== 'alliance') target.value = coords;
  const out = $('#map-place');
  out.textContent = `Resolving ${coords}…`;
  try {
    const p = await api.place({ place: coords, on: isDate(dateInput.value) ? dateInput.value : today() });
    out.textContent = `Place resolved: ${describePlace(p)}`;
    map.marks.querySelectorAll('.pick').forEach((n) => n.remove());
    map.mark(lat, lon, '');
    [...map.marks.children].slice(-2).forEach((n) => n.classList.add('pick'));
  } catch (e) {
    out.textContent = `Could not resolve ${coords}: ${e.message}`;
  }
}
map.onPick = resolveClick;

/** A place picked from the type-ahead: show where it is before judging. */
function previewPlace(item) {
  if (!item.coords) return;
  const [lat, lon] = item.coords;
  map.marks.querySelectorAll('.pick').forEach((n) => n.remove());
  map.mark(lat, lon, item.label);
  [...map.marks.children].slice(-2).forEach((n) => n.classList.add('pick'));
  map.focus(lat, lon, 20);
  $('#map-place').textContent = `${item.label}${item.detail ? ` (${item.detail})` : ''}`;
}

// ---- the scenario view -----------------------------------------------------------

const VERDICT_TEXT = { triggered: '✔ triggered', not_triggered: '✖ not triggered', contested: '? contested' };
const KIND_TEXT = { defense: 'defense', consultation: 'consultation', neutrality: 'neutrality', non_aggression: 'non-aggression', offense: 'offense' };

function proofTree(node) {
  const li = el('li', {}, el('span', { class: `holds-${node.holds}` }, node.statement));
  if (node.source) li.append(' ', el('span', { class: 'source' }, `— ${node.source.citation}${node.source.uncertain ? ' (uncertain)' : ''}${node.source.at ? ` [${node.source.at}]` : ''}`));
  if (node.premises && node.premises.length) li.append(el('ul', {}, node.premises.map(proofTree)));
  return li;
}

function claimBlock(c) {
  return el(
    'div',
    { class: 'claim' },
    el('strong', {}, `${c.speaker}`),
    c.office ? `, ${c.office}` : '',
    `, ${c.date} — ${c.stance.replaceAll('_', ' ')} (${c.about}; ${c.agrees ? 'agrees with the reading' : 'disagrees with the reading'}${c.hindsight ? '; hindsight' : ''})`,
    el('br'),
    c.summary || '',
    el('br'),
    el('span', { class: 'source' }, c.source ? c.source.citation : ''),
  );
}

function groupVerdicts(verdicts) {
  const groups = [];
  const index = new Map();
  for (const v of verdicts) {
    const key = [v.treaty, v.provision, v.kind, v.beneficiary, v.verdict].join('|');
    let g = index.get(key);
    if (!g) {
      g = { ...v, obligors: [], members: [] };
      index.set(key, g);
      groups.push(g);
    }
    g.obligors.push(v.obligor);
    g.members.push(v);
  }
  return groups;
}

function verdictRows(g) {
  const label = `${g.treaty_name} Art. ${g.article}`;
  const row = el(
    'tr',
    { 'data-treaty': g.treaty, 'data-article': g.article, 'data-verdict': g.verdict },
    el('th', { scope: 'row' }, g.treaty_name),
    el('td', { 'data-label': 'Art.' }, g.article),
    el('td', { 'data-label': 'Kind' }, KIND_TEXT[g.kind] || g.kind),
    el('td', { 'data-label': 'Owed by' }, listNames(g.obligors)),
    el('td', { 'data-label': 'To' }, nameOf(g.beneficiary)),
    el('td', { class: `verdict ${g.verdict}`, 'data-label': 'Verdict' }, VERDICT_TEXT[g.verdict] || g.verdict),
  );
  const reasons = [...new Set(g.members.flatMap((v) => v.reasons || []))];
  const conditions = [...new Set(g.members.flatMap((v) => v.conditions || []))];
  const claims = [...new Map(g.members.flatMap((v) => v.claims || []).map((c) => [c.id, c])).values()];
  const body = el(
    'div',
    { class: 'proof-body' },
    reasons.length ? el('ul', {}, reasons.map((r) => el('li', {}, r))) : null,
    conditions.length ? el('p', {}, el('strong', {}, 'Conditions on the response: '), conditions.join('; ')) : null,
    claims.length ? [el('p', {}, el('strong', {}, 'Claims cited:')), claims.map(claimBlock)] : null,
    g.members.map((v) =>
      el('details', { class: 'proof' }, el('summary', {}, `Proof for ${nameOf(v.obligor)}`), el('ul', {}, proofTree(v.proof))),
    ),
  );
  const details = el('details', { class: 'proof' }, el('summary', {}, `Proof: ${label} — ${VERDICT_TEXT[g.verdict]}`), body);
  const proofRow = el('tr', { class: 'proof-row' }, el('td', { colspan: 6 }, details));
  return [row, proofRow];
}

function paintAnswer(answer, place) {
  map.clear();
  map.clearCopies();
  const rank = { triggered: 2, contested: 1 };
  const best = new Map();
  for (const v of answer.verdicts) {
    if (v.kind !== 'defense' || !rank[v.verdict]) continue;
    const prev = best.get(v.obligor);
    if (!prev || rank[v.verdict] > rank[prev.verdict]) best.set(v.obligor, v);
  }
  const attackers = answer.scenario.attackers || [];
  const defenders = answer.scenario.defenders || [];
  for (const [id, v] of best) {
    if (attackers.includes(id) || defenders.includes(id)) continue;
    map.paint(id, v.verdict, `${v.treaty_name} Art. ${v.article} ${v.verdict.replace('_', ' ')} toward ${nameOf(v.beneficiary)}`);
  }
  for (const id of defenders) map.paint(id, 'defender', 'defender');
  for (const id of attackers) map.paint(id, 'attacker', 'attacker');
  const entries = [
    ['attacker', 'attacker'],
    ['defender', 'defender'],
    ['triggered', 'owes defense: triggered'],
    ['contested', 'owes defense: contested'],
  ];
  if (place && place.coords) {
    map.mark(place.coords[0], place.coords[1], place.place || '');
    entries.push(['place', 'attacked place']);
  }
  $('#map-place').textContent = place ? `Attacked place: ${describePlace(place)}` : '';
  if (place && placeDiffers(place)) {
    const ctl = place.controller.filter((h) => h.holds !== 'no').map((h) => h.polity);
    const sov = place.sovereign.filter((h) => h.holds !== 'no').map((h) => h.polity);
    if (map.hatch(place.territory, ctl.filter((id) => map.has(id) && !sov.includes(id)))) {
      entries.push(['hatched', `${place.territory_name}: de jure ${listNames(sov)}, de facto ${listNames(ctl)}`]);
    }
  }
  legend(entries);
  map.fit([...attackers, ...defenders], place && place.coords);
}

const whyView = {
  slider: null,
  controller: null,
  init() {
    const form = $('#why-form');
    typeahead($('#why-attacker'), { kinds: ['state', 'armed_group'], chips: $('#why-attackers') });
    typeahead($('#why-defender'), { kinds: ['state'], chips: $('#why-defenders') });
    typeahead($('#why-at'), { kinds: ['place', 'gazetteer'], onChoose: previewPlace });
    this.slider = dateSlider({
      input: $('#why-on'),
      slider: $('#why-slider'),
      datalist: $('#why-keydates'),
      buttons: $('#why-keydates-buttons'),
      min: SLIDER_MIN,
      max: sliderMax(),
      keyDates: KEY_DATES,
      // With an answer on screen, moving the date judges again (the verdicts follow the slider).
      onChange: () => {
        if ($('#why-answer').hidden || this.restoring) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          const p = this.params();
          writeHash('why', p);
          this.run(p);
        }, 250);
      },
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submit();
    });
    $('#why-example').addEventListener('click', () => {
      pushHash('why', new URLSearchParams('attacker=AZE&defender=ARM&at=Stepanakert&on=2020-10-07'));
      route();
    });
  },
  params() {
    // Text still in a chip input counts as typed.
    for (const [input, chips] of [['#why-attacker', '#why-attackers'], ['#why-defender', '#why-defenders']]) {
      const v = $(input).value.trim();
      if (v) {
        addChip($(chips), v);
        $(input).value = '';
      }
    }
    const p = new URLSearchParams();
    for (const a of chipValues($('#why-attackers'))) p.append('attacker', a);
    for (const d of chipValues($('#why-defenders'))) p.append('defender', d);
    if ($('#why-at').value.trim()) p.set('at', $('#why-at').value.trim());
    if ($('#why-on').value) p.set('on', $('#why-on').value);
    return p;
  },
  restore(params) {
    clearChips($('#why-attackers'));
    clearChips($('#why-defenders'));
    params.getAll('attacker').forEach((a) => addChip($('#why-attackers'), a, nameOf(a)));
    params.getAll('defender').forEach((d) => addChip($('#why-defenders'), d, nameOf(d)));
    $('#why-at').value = params.get('at') || '';
    this.restoring = true;
    this.slider.set(params.get('on') || $('#why-on').value || today());
    this.restoring = false;
    if (params.getAll('attacker').length && params.get('at') && params.get('on')) this.run(params);
    else $('#why-answer').hidden = true;
  },
  submit() {
    clearTimeout(this.timer);
    const p = this.params();
    pushHash('why', p);
    this.run(p);
  },
  async run(p) {
    const error = $('#why-error');
    showError(error, '');
    const attackers = p.getAll('attacker');
    if (!attackers.length) return showError(error, 'Add at least one attacker.');
    if (!p.get('at')) return showError(error, 'Give a place: a name, coordinates, or a click on the map.');
    if (!isDate(p.get('on') || '')) return showError(error, 'Give a date (YYYY-MM-DD).');
    this.controller?.abort();
    this.controller = new AbortController();
    const signal = this.controller.signal;
    const button = $('#why-form button[type=submit]');
    button.disabled = true;
    try {
      const req = { attackers, defenders: p.getAll('defender'), at: p.get('at'), on: p.get('on') };
      const [answer, place] = await Promise.all([
        api.why(req, signal),
        api.place({ place: req.at, on: req.on }, signal).catch(() => null),
      ]);
      this.render(answer, place);
    } catch (e) {
      if (e.name !== 'AbortError') {
        showError(error, e.message);
        $('#why-answer').hidden = true;
      }
    } finally {
      button.disabled = false;
    }
  },
  render(answer, place) {
    // The place answer names the holders; remember them (de facto states are not on the map).
    for (const h of [...((place && place.sovereign) || []), ...((place && place.controller) || [])]) {
      if (h.name) names.set(h.polity, h.name);
    }
    const s = answer.scenario;
    const where = s.place || {};
    const control = where.sovereign && where.controller && where.sovereign !== where.controller
      ? ` (sovereign ${nameOf(where.sovereign)}, controller ${nameOf(where.controller)})`
      : '';
    const counts = { triggered: 0, contested: 0, not_triggered: 0 };
    answer.verdicts.forEach((v) => { counts[v.verdict] = (counts[v.verdict] || 0) + 1; });
    $('#why-summary').textContent =
      `Attack on ${s.date} by ${listNames(s.attackers)} at ${where.place || where.input}` +
      `${where.territory_name ? ` — ${where.territory_name}` : ''}${control}; defenders ${listNames(s.defenders)}. ` +
      `${counts.triggered} triggered, ${counts.contested} contested, ${counts.not_triggered} not triggered.`;
    const tbody = $('#why-table tbody');
    tbody.replaceChildren(...groupVerdicts(answer.verdicts).flatMap(verdictRows));
    const notes = (answer.notes || []).map((n) => (typeof n === 'string' ? n : n.note || n.name || JSON.stringify(n)));
    $('#why-notes').textContent = notes.length ? `Notes: ${notes.join(' · ')}` : '';
    $('#why-answer').hidden = false;
    paintAnswer(answer, place);
  },
};

// ---- the alliance view --------------------------------------------------------------

/** Compare an ISO day with a date of year/month/day precision: -1 before, 0 inside, 1 after. */
function cmpFuzzy(day, fuzzy) {
  if (day.startsWith(fuzzy)) return 0;
  return day < fuzzy ? -1 : 1;
}
/** 'yes', 'no' or 'unknown': is `day` inside the inclusive interval? */
function within(day, interval = {}) {
  const after = interval.from ? cmpFuzzy(day, interval.from) : 1;
  const before = interval.to ? cmpFuzzy(day, interval.to) : -1;
  if (after < 0 || before > 0) return 'no';
  if ((interval.from && interval.from.length < 10 && after === 0) || (interval.to && interval.to.length < 10 && before === 0)) return 'unknown';
  return 'yes';
}
/** The first day of a fuzzy date, and the day after the last day of one. */
const startOf = (f) => (f.length === 4 ? `${f}-01-01` : f.length === 7 ? `${f}-01` : f);
function dayAfter(f) {
  if (f.length === 4) return `${Number(f) + 1}-01-01`;
  if (f.length === 7) {
    const [y, m] = f.split('-').map(Number);
    return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
  return addDays(f, 1);
}

const allianceView = {
  treaty: null,
  slider: null,
  loaded: false,
  init() {
    this.slider = dateSlider({
      input: $('#alliance-on'),
      slider: $('#alliance-slider'),
      datalist: $('#alliance-keydates'),
      min: SLIDER_MIN,
      max: sliderMax(),
      onChange: (day) => {
        // "What changed" runs up to the slider's date.
        $('#alliance-to').value = day;
        if ($('#alliance-from').value > day) $('#alliance-from').value = addDays(day, -365);
        this.draw(day);
        this.changes();
        const p = this.params();
        writeHash('alliance', p);
      },
    });
    $('#alliance-treaty').addEventListener('change', () => {
      const p = this.params();
      pushHash('alliance', p);
      this.load(p.get('treaty'), p);
    });
    for (const id of ['#alliance-from', '#alliance-to']) {
      $(id).addEventListener('change', () => {
        this.changes();
        writeHash('alliance', this.params());
      });
    }
    $('#alliance-prev').addEventListener('click', () => this.step(-1));
    $('#alliance-next').addEventListener('click', () => this.step(1));
  },
  params() {
    const p = new URLSearchParams();
    p.set('treaty', $('#alliance-treaty').value || 'nato');
    if ($('#alliance-on').value) p.set('on', $('#alliance-on').value);
    if ($('#alliance-from').value) p.set('from', $('#alliance-from').value);
    if ($('#alliance-to').value) p.set('to', $('#alliance-to').value);
    return p;
  },
  async restore(params) {
    if (!this.loaded) {
      try {
        const list = await api.treaties({});
        const treaties = (Array.isArray(list) ? list : list.treaties || []).slice().sort((a, b) => a.name.localeCompare(b.name));
        $('#alliance-treaty').replaceChildren(...treaties.map((t) => el('option', { value: t.id }, t.short_name && t.short_name !== t.name ? `${t.short_name} — ${t.name}` : t.name)));
        this.loaded = true;
      } catch (e) {
        return showError($('#alliance-error'), e.message);
      }
    }
    await this.load(params.get('treaty') || 'nato', params);
  },
  async load(id, params) {
    showError($('#alliance-error'), '');
    try {
      this.treaty = await api.show({ treaty: id });
    } catch (e) {
      return showError($('#alliance-error'), e.message);
    }
    $('#alliance-treaty').value = this.treaty.id;
    this.events = this.changeEvents();
    const dates = [...new Set(this.events.map((e) => e.date))].sort();
    const first = dates[0] || SLIDER_MIN;
    const keys = dates.map((d) => ({ date: d, label: d }));
    this.slider.configure(first < SLIDER_MIN ? first : SLIDER_MIN, sliderMax(), keys);
    const on = params.get('on') || today();
    $('#alliance-from').value = params.get('from') || addDays(on, -365 * 2);
    $('#alliance-to').value = params.get('to') || on;
    this.slider.set(on);
    this.changes();
    // Frame the treaty's members on that day.
    map.fit([...document.querySelectorAll('#alliance-members li')].map((li) => li.dataset.id));
  },
  /** Every dated change: joins, departures, status spells. */
  changeEvents() {
    const t = this.treaty;
    const events = [];
    for (const p of t.parties || []) {
      const iv = (p.membership && p.membership.interval) || {};
      const from = iv.from || t.in_force;
      if (from) events.push({ date: startOf(from), fuzzy: from, polity: p.polity, what: 'joined', cls: 'joined' });
      if (iv.to) events.push({ date: dayAfter(iv.to), fuzzy: iv.to, polity: p.polity, what: `left (last day ${iv.to})`, cls: 'left' });
    }
    for (const s of t.statuses || []) {
      const iv = s.status.interval || {};
      const label = s.status.value.replaceAll('_', ' ');
      if (iv.from) events.push({ date: startOf(iv.from), fuzzy: iv.from, polity: s.polity, what: `${label} from ${iv.from}`, cls: 'status' });
      if (iv.to) events.push({ date: dayAfter(iv.to), fuzzy: iv.to, polity: s.polity, what: `${label} ended (last day ${iv.to})`, cls: 'status' });
    }
    return events.sort((a, b) => a.date.localeCompare(b.date) || nameOf(a.polity).localeCompare(nameOf(b.polity)));
  },
  step(direction) {
    const on = $('#alliance-on').value;
    const dates = [...new Set(this.events.map((e) => e.date))].sort();
    const next = direction > 0 ? dates.find((d) => d > on) : dates.filter((d) => d < on).pop();
    if (next) this.slider.set(next);
  },
  draw(day) {
    const t = this.treaty;
    if (!t) return;
    map.clear();
    const members = [];
    for (const p of t.parties || []) {
      const iv = (p.membership && p.membership.interval) || { from: t.in_force };
      const holds = within(day, iv);
      if (holds === 'no') continue;
      const statuses = (t.statuses || []).filter((s) => s.polity === p.polity && within(day, s.status.interval) !== 'no');
      members.push({ id: p.polity, holds, statuses });
    }
    members.sort((a, b) => nameOf(a.id).localeCompare(nameOf(b.id)));
    const list = $('#alliance-members');
    list.replaceChildren(
      ...members.map((m) => {
        const status = m.statuses.map((s) => s.status.value.replaceAll('_', ' ')).join(', ');
        const frozen = m.statuses.some((s) => ['frozen', 'suspended'].includes(s.status.value));
        map.paint(m.id, frozen ? 'frozen' : 'member', `${t.short_name || t.name} member${status ? ` (${status})` : ''}`);
        return el('li', { class: frozen ? 'frozen' : '', 'data-id': m.id }, nameOf(m.id), m.holds === 'unknown' ? ' (date uncertain)' : '', status ? ` — ${status}` : '');
      }),
    );
    const joinedToday = this.events.filter((e) => e.date === day);
    $('#alliance-title').textContent = `${t.short_name || t.name}: ${members.length} member${members.length === 1 ? '' : 's'} on ${day}` +
      (joinedToday.length ? ` — ${joinedToday.map((e) => `${nameOf(e.polity)} ${e.what.split(' (')[0]}`).join('; ')} on this day` : '');
    legend([
      ['member', 'member'],
      ['frozen', 'participation frozen or suspended'],
    ]);
  },
  changes() {
    const from = $('#alliance-from').value;
    const to = $('#alliance-to').value;
    const out = $('#alliance-changes');
    if (!isDate(from) || !isDate(to) || !this.events) return out.replaceChildren();
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    const hits = this.events.filter((e) => e.date > lo && e.date <= hi);
    out.replaceChildren(
      ...(hits.length
        ? hits.map((e) => el('li', { class: e.cls }, `${e.date}: ${nameOf(e.polity)} ${e.what}`))
        : [el('li', {}, `No change between ${lo} and ${hi}.`)]),
    );
  },
};

// ---- the escalation view -----------------------------------------------------------

function graphSvg(outcome) {
  const columns = outcome.rounds.map((r) => (r.round === 0
    ? [...(outcome.sides.defenders || []), ...(outcome.sides.attackers || [])].filter((s) => s.round === 0).map((s) => ({ state: s.state, side: (outcome.sides.defenders || []).includes(s) ? 'defenders' : 'attackers' }))
    : r.joins.map((j) => ({ state: j.state, side: j.side, join: j }))));
  const MAX_NODES = 18;
  for (const col of columns) {
    if (col.length > MAX_NODES) {
      const rest = col.splice(MAX_NODES - 1);
      col.push({ state: `+${rest.length} more`, side: rest[0].side, more: true });
    }
  }
  const colW = 170;
  const rowH = 34;
  const height = Math.max(...columns.map((c) => c.length), 1) * rowH + 40;
  const pos = new Map();
  let nodes = '';
  let labels = '';
  columns.forEach((col, x) => {
    labels += `<text class="round-label" x="${x * colW + 10}" y="16">round ${x}</text>`;
    col.forEach((n, y) => {
      const px = x * colW + 10;
      const py = y * rowH + 28;
      pos.set(n.state, [px, py]);
      const name = (n.more ? n.state : nameOf(n.state)).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      nodes += `<g class="node ${n.side}"><rect x="${px}" y="${py}" width="130" height="24" rx="4"/><text x="${px + 6}" y="${py + 16}">${name}</text><title>${name}${n.join ? ` — ${n.join.treaty_name} Art. ${n.join.article} toward ${nameOf(n.join.beneficiary)}` : ''}</title></g>`;
    });
  });
  let edges = '';
  columns.forEach((col) => col.forEach((n) => {
    if (!n.join) return;
    const from = pos.get(n.join.beneficiary);
    const to = pos.get(n.state);
    if (from && to) edges += `<path class="edge" d="M${from[0] + 130} ${from[1] + 12} C${from[0] + 150} ${from[1] + 12} ${to[0] - 20} ${to[1] + 12} ${to[0]} ${to[1] + 12}" marker-end="url(#arrow)"/>`;
  }));
  const width = columns.length * colW + 20;
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Cascade graph: one column per round, arrows from the state defended to the state that joins">
    <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0L10 5L0 10z" fill="#4a5563"/></marker></defs>
    ${labels}${edges}${nodes}</svg>`;
}

const escView = {
  outcome: null,
  place: null,
  /** Colour the sides as they stand after `round`. */
  paint(round) {
    const o = this.outcome;
    $('#esc-round-out').textContent = round;
    map.clear();
    for (const side of ['defenders', 'attackers']) {
      for (const s of o.sides[side] || []) {
        if (s.round <= round) map.paint(s.state, `side-${side}`, `${o.side_names ? o.side_names[side] : side}, from round ${s.round}`);
      }
    }
    const entries = [
      ['side-defenders', o.side_names ? o.side_names.defenders : "defenders' side"],
      ['side-attackers', o.side_names ? o.side_names.attackers : "attackers' side"],
    ];
    const place = this.place;
    if (place && place.coords) {
      map.mark(place.coords[0], place.coords[1], place.place || '');
      entries.push(['place', 'attacked place']);
    }
    legend(entries);
  },
  init() {
    $('#esc-round').addEventListener('input', () => this.paint(Number($('#esc-round').value)));
    typeahead($('#esc-attacker'), { kinds: ['state', 'armed_group'], chips: $('#esc-attackers') });
    typeahead($('#esc-at'), { kinds: ['place', 'gazetteer'], onChoose: previewPlace });
    $('#esc-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const v = $('#esc-attacker').value.trim();
      if (v) {
        addChip($('#esc-attackers'), v);
        $('#esc-attacker').value = '';
      }
      const p = new URLSearchParams();
      chipValues($('#esc-attackers')).forEach((a) => p.append('attacker', a));
      if ($('#esc-at').value.trim()) p.set('at', $('#esc-at').value.trim());
      if ($('#esc-on').value) p.set('on', $('#esc-on').value);
      p.set('policy', $('#esc-policy').value);
      if (Number($('#esc-runs').value) > 0) p.set('runs', $('#esc-runs').value);
      pushHash('escalate', p);
      this.run(p);
    });
  },
  restore(params) {
    clearChips($('#esc-attackers'));
    params.getAll('attacker').forEach((a) => addChip($('#esc-attackers'), a, nameOf(a)));
    $('#esc-at').value = params.get('at') || '';
    $('#esc-on').value = params.get('on') || $('#esc-on').value || today();
    $('#esc-policy').value = params.get('policy') || 'all';
    $('#esc-runs').value = params.get('runs') || '0';
    if (params.getAll('attacker').length && params.get('at')) this.run(params);
  },
  async run(p) {
    const error = $('#esc-error');
    showError(error, '');
    const req = { attackers: p.getAll('attacker'), at: p.get('at'), on: p.get('on'), policy: p.get('policy') || 'all' };
    if (!req.attackers.length || !req.at || !isDate(req.on || '')) return showError(error, 'Give attackers, a place and a date.');
    const runs = Number(p.get('runs') || 0);
    if (runs > 0) {
      // Monte Carlo samples compliance: it implies the probabilistic policy.
      req.runs = runs;
      delete req.policy;
    }
    const button = $('#esc-form button[type=submit]');
    button.disabled = true;
    try {
      const [outcome, place] = await Promise.all([api.escalate(req), api.place({ place: req.at, on: req.on }).catch(() => null)]);
      this.render(outcome, place);
    } catch (e) {
      showError(error, e.message);
      $('#esc-answer').hidden = true;
    } finally {
      button.disabled = false;
    }
  },
  render(o, place) {
    (o.sides.defenders || []).concat(o.sides.attackers || []).forEach((s) => s.name && names.set(s.state, s.name));
    $('#esc-summary').textContent = `${o.belligerents} belligerents; ${o.fixpoint ? 'the cascade stops' : 'the round limit stopped the cascade'} after ${o.rounds.length - 1} round(s). ${o.side_names ? `${o.side_names.defenders} against ${o.side_names.attackers}.` : ''}`;
    const sideName = (side) => (o.side_names ? o.side_names[side] : side);
    $('#esc-rounds').replaceChildren(
      ...o.rounds.map((r) => {
        if (r.round === 0) {
          const attacks = r.attacks.map((id) => { const a = o.attacks[id]; return `${listNames(a.attackers)} on ${listNames(a.defenders)} at ${a.place}`; });
          return el('li', { value: 0 }, el('strong', {}, 'Round 0: '), attacks.join('; '));
        }
        const bySide = ['defenders', 'attackers']
          .map((side) => [side, r.joins.filter((j) => j.side === side)])
          .filter(([, joins]) => joins.length)
          .map(([side, joins]) => `${sideName(side)}: ${listNames(joins.map((j) => j.state))}`);
        const details = [
          ...r.joins.map((j) => `${nameOf(j.state)} joins ${sideName(j.side)} — ${j.treaty_name} Art. ${j.article} toward ${nameOf(j.beneficiary)} (${j.verdict.replace('_', ' ')})`),
          ...(r.strikes || []).map((st) => `${nameOf(st.striker)} strikes ${nameOf(st.target)} (${st.because})`),
        ];
        return el(
          'li',
          { value: r.round },
          el('strong', {}, `Round ${r.round}: `),
          r.joins.length ? `${r.joins.length} join — ${bySide.join('; ')}` : 'nobody joins.',
          details.length ? el('details', {}, el('summary', {}, `Why, and strikes (${details.length})`), el('ul', {}, details.map((d) => el('li', {}, d)))) : null,
        );
      }),
    );
    $('#esc-graph').innerHTML = graphSvg(o);
    this.outcome = o;
    this.place = place;
    const last = o.rounds.length - 1;
    $('#esc-round').max = last;
    $('#esc-round').value = last;
    this.paint(last);
    map.reset();
    const mc = o.monte_carlo;
    $('#esc-mc').hidden = !mc;
    if (mc) {
      const pct = (x) => `${(x * 100).toFixed(1)} %`;
      $('#esc-mc tbody').replaceChildren(
        ...mc.states.map((s) => el('tr', {}, el('th', { scope: 'row' }, s.name || nameOf(s.state)),
          el('td', {}, el('span', { class: 'bar', style: `width:${Math.round(s.drawn_in * 80)}px` }), pct(s.drawn_in)),
          el('td', {}, pct(s.on_defenders_side)), el('td', {}, pct(s.on_attackers_side)))),
      );
    }
    $('#esc-answer').hidden = false;
  },
};

// ---- start ---------------------------------------------------------------------------

whyView.init();
allianceView.init();
escView.init();
$('#zoom-in').addEventListener('click', () => map.zoom(1.5));
$('#zoom-out').addEventListener('click', () => map.zoom(1 / 1.5));
$('#zoom-reset').addEventListener('click', () => map.reset());
window.addEventListener('hashchange', route);
if (!location.hash) history.replaceState(null, '', '#/why');
route().then(() => {
  // For the browser tests: when the map and the first view are drawn.
  window.casusReadyMs = performance.now();
  document.documentElement.setAttribute('data-ready', '1');
});
