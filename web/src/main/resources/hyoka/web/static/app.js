// hyoka serve: renders the JSON API into the page. Every text reaches the DOM as a text node
// (h() below never parses markup), so a report that prints "<script>" shows it as text.
'use strict';

const KIND_LABELS = {
  status_analysis: '現状分析', five_year_summary: '５年間の総括', overview: '概要', purpose: '目的',
  implementation: '実施内容', kpi: 'KPI', description: '事業概要', name: '事業名',
  effect_factors: '効果発現要因', future_work: '今後の取組', target_basis: '設定根拠',
};

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'onclick' || k === 'onsubmit' || k === 'onchange') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** A path with query parameters, the empty ones left out. */
function link(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? path + '?' + s : path;
}

function pageLink(reportId, page, text) {
  return link('/page', { report: reportId, page: page, text: text });
}

function kindLabel(kind) {
  return KIND_LABELS[kind] ? `${KIND_LABELS[kind]} (${kind})` : kind;
}

function fmt(v) {
  if (v === null || v === undefined) return '—';
  return String(v);
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  let body;
  try { body = await r.json(); } catch (e) { body = { error: `${r.status} ${r.statusText}` }; }
  if (!r.ok) throw new Error(body.error || `${r.status} ${r.statusText}`);
  return body;
}

function errorBox(e) {
  return h('div', { class: 'error', id: 'error' }, e.message || String(e));
}

/** A snippet's «marked» matches as <mark> elements, the rest as text. */
function snippet(text) {
  const out = [];
  const re = /«([^»]*)»/g;
  let last = 0, m;
  while ((m = re.exec(text)) !== null) {
    out.push(text.slice(last, m.index));
    out.push(h('mark', {}, m[1]));
    last = re.lastIndex;
  }
  out.push(text.slice(last));
  return out;
}

/**
 * A graded KPI's grade as the chips show it: the printed grade (else the grade by the legend),
 * ≠ the grade by the legend where they differ, and the printed achievement: "C≠B (53.3%)".
 */
function gradeText(grade, byRule, achievement) {
  const g = grade ?? byRule;
  const differs = grade !== null && grade !== undefined && byRule !== null && byRule !== undefined && grade !== byRule;
  return `${fmt(g)}${differs ? '≠' + byRule : ''}${achievement !== null && achievement !== undefined ? ' (' + achievement + '%)' : ''}`;
}

function kpiChips(kpis) {
  return kpis.map(k => {
    const s = k.effective_score;
    const cls = k.achieved === true ? 'kpi ok' : k.achieved === false ? 'kpi ng' : 'kpi';
    const graded = k.effective_grade !== null && k.effective_grade !== undefined;
    // A layout that grades (kpi-sheet) prints no score: its chip is the grade, as the CLI prints it.
    return h('span', { class: graded ? cls + ' graded' : cls, 'data-score': s, 'data-grade': graded ? k.effective_grade : null,
      title: `${k.name}${k.unit ? ' (' + k.unit + ')' : ''}: score ${fmt(k.score)}, computed ${fmt(k.score_computed)}, ${fmt(k.score_status)}`
        + (graded ? `; grade ${fmt(k.grade)}, by rule ${fmt(k.grade_by_rule)}, achievement ${fmt(k.achievement)}%${k.progress ? ', ' + k.progress : ''}` : '') },
      graded ? `KPI${k.kpi_no} ${gradeText(k.grade, k.grade_by_rule, k.achievement)}`
        : `KPI${k.kpi_no} ${s === null ? '—' : s}${k.achieved ? '✓' : ''}`);
  });
}

const params = new URLSearchParams(location.search);
const main = document.getElementById('main');

function show(...nodes) {
  main.replaceChildren(...nodes.flat(Infinity).filter(n => n !== null && n !== undefined && n !== false));
}

// ---- search -------------------------------------------------------------------------------

const SEARCH_KEYS = ['q', 'year', 'series', 'project', 'department', 'group', 'kind', 'min_score', 'max_score', 'grade', 'all_reports', 'size'];

function searchState(overrides) {
  const s = {};
  for (const k of SEARCH_KEYS) if (params.get(k)) s[k] = params.get(k);
  return Object.assign(s, overrides || {});
}

function select(name, values, current, labelOf) {
  // A value the choices lack (a group by name, a year not held) stays chosen, so the form sends
  // on the whole query of the URL.
  const all = current && !values.some(v => String(v) === current) ? [...values, current] : values;
  return h('select', { name },
    h('option', { value: '' }, '(any)'),
    all.map(v => h('option', { value: String(v), selected: String(v) === current }, labelOf ? labelOf(v) : String(v))));
}

function searchForm(options) {
  const get = k => params.get(k) || '';
  const form = h('form', { class: 'search', id: 'search-form', action: '/search', method: 'get',
    onsubmit: ev => {
      ev.preventDefault();
      const p = {};
      for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== '') p[k] = String(v).trim();
      location.assign(link('/search', p));
    } },
    h('label', {}, 'query', h('input', { name: 'q', value: get('q'), placeholder: '除雪, "空き家" OR 空家, -排雪', autofocus: true })),
    h('label', {}, 'year', select('year', options.years, get('year'))),
    h('label', {}, 'series', select('series', options.series, get('series'))),
    h('label', {}, 'department', h('input', { name: 'department', value: get('department'), list: 'departments' })),
    h('datalist', { id: 'departments' }, options.departments.map(d => h('option', { value: d }))),
    h('label', {}, 'group', select('group', options.groups.map(g => g.group_no), get('group'),
      no => { const g = options.groups.find(x => x.group_no === no); return `${no} ${g ? g.group_name || '' : ''}`; })),
    h('label', {}, 'project', h('input', { name: 'project', value: get('project'), placeholder: 'no or key' })),
    h('label', {}, 'kind', select('kind', options.kinds, get('kind'), kindLabel)),
    h('label', {}, 'score ≥', h('input', { name: 'min_score', class: 'num', type: 'number', step: 'any', value: get('min_score') })),
    h('label', {}, 'score ≤', h('input', { name: 'max_score', class: 'num', type: 'number', step: 'any', value: get('max_score') })),
    // As hyoka search --grade: one grade (A), or several separated by commas (C,D); any case.
    h('label', {}, 'grade', h('input', { name: 'grade', class: 'num', value: get('grade'), list: 'grades', placeholder: 'A or C,D' })),
    h('datalist', { id: 'grades' }, (options.grades || []).map(g => h('option', { value: g }))),
    // The page size is part of the query too: a search sent on with another size keeps it.
    h('label', {}, 'per page', h('select', { name: 'size' },
      h('option', { value: '' }, '20'),
      [...new Set([10, 50, 100, Number(get('size')) || 10])].filter(n => n !== 20).sort((a, b) => a - b)
        .map(n => h('option', { value: String(n), selected: String(n) === get('size') }, String(n))))),
    h('label', {}, 'superseded too', h('input', { name: 'all_reports', type: 'checkbox', value: 'true', checked: get('all_reports') === 'true' })),
    h('button', { type: 'submit' }, 'Search'));
  return form;
}

const FACET_PARAM = { department: 'department', kind: 'kind', fiscal_year: 'year', grade: 'grade' };

function facets(result) {
  return h('aside', { class: 'facets', id: 'facets' },
    Object.entries(result.facets).map(([dim, counts]) => {
      const param = FACET_PARAM[dim] || dim;
      const active = params.get(param);
      // The grade facet is empty where no layout that grades is among the matches.
      if (!counts.length && !active) return [];
      return [
        h('h3', {}, dim),
        h('ul', { 'data-facet': dim },
          active ? h('li', {}, h('a', { href: link('/search', searchState({ [param]: '', page: '' })), class: 'clear' }, `× ${active}`)) : null,
          counts.map(c => h('li', {},
            h('a', { href: link('/search', searchState({ [param]: c.value, page: '' })), class: c.value === active ? 'active facet' : 'facet', 'data-value': c.value },
              dim === 'kind' ? kindLabel(c.value) : c.value),
            h('span', { class: 'count' }, c.count)))),
      ];
    }));
}

function hitView(hit) {
  return h('div', { class: 'hit', 'data-project-no': hit.project_no, 'data-report-id': hit.report_id },
    h('div', { class: 'meta' },
      `#${hit.rank} · FY${hit.fiscal_year} · `,
      h('a', { href: link('/project', { series: hit.series, key: hit.project_key }), class: 'project' }, `${hit.project_no} ${hit.project_name}`),
      ` · ${fmt(hit.department)} · ${kindLabel(hit.kind)}${hit.item_name ? ' · ' + hit.item_name : ''} · `,
      h('a', { href: pageLink(hit.report_id, hit.page, hit.mark), class: 'pagelink' }, `p. ${hit.page}`),
      ` · relevance ${hit.relevance}`,
      hit.superseded_by ? ` · superseded by ${hit.superseded_by}` : ''),
    h('div', { class: 'snippet' }, snippet(hit.snippet)),
    h('div', { class: 'kpis' }, kpiChips(hit.kpis)));
}

function pager(result) {
  if (result.pages <= 1) return null;
  const items = [];
  for (let p = 1; p <= result.pages && p <= 50; p++) {
    items.push(p === result.page ? h('span', { class: 'current' }, p)
      : h('a', { href: link('/search', searchState({ page: p })), 'data-page': p }, p));
  }
  return h('div', { class: 'pager', id: 'pager' }, 'pages: ', items);
}

async function searchPage() {
  document.title = params.get('q') ? `${params.get('q')} — hyoka search` : 'hyoka search';
  const options = await api('/api/options');
  const form = searchForm(options);
  if (!params.get('q')) {
    show(h('h1', {}, 'Search the reports'), form,
      h('p', { class: 'note' }, 'All words must match; "…" for a phrase, OR for an alternative, -word to exclude. Width and spelling variants are folded (LED finds ＬＥＤ, 空家 finds 空き家).'));
    return;
  }
  show(h('h1', {}, 'Search'), form, h('p', { class: 'loading' }, 'Searching…'));
  let result;
  try {
    result = await api(link('/api/search', Object.assign(searchState(), { page: params.get('page') })));
  } catch (e) {
    show(h('h1', {}, 'Search'), form, errorBox(e));
    return;
  }
  const shown = result.hits.length;
  show(h('h1', {}, 'Search'), form,
    h('p', { id: 'total' }, `${result.total} matching texts`, shown ? `, showing ${result.hits[0].rank}–${result.hits[shown - 1].rank}` : '',
      result.field === 'text_bigram' ? ' (no word match: character bigram fallback)' : ''),
    h('div', { class: 'layout' }, facets(result),
      h('section', { class: 'hits', id: 'hits' }, result.hits.map(hitView), pager(result))));
}

// ---- projects -----------------------------------------------------------------------------

async function projectsPage() {
  document.title = 'hyoka projects';
  const r = await api(link('/api/projects', { series: params.get('series') }));
  show(h('h1', {}, 'Projects'),
    h('table', { id: 'projects' },
      h('tr', {}, h('th', {}, 'series'), h('th', {}, 'no'), h('th', {}, 'project'), h('th', {}, 'department'), h('th', {}, 'years')),
      r.projects.map(p => h('tr', {},
        h('td', {}, p.series), h('td', { class: 'num' }, p.project_no),
        h('td', {}, h('a', { href: link('/project', { series: p.series, key: p.project_key }) }, p.name)),
        h('td', {}, fmt(p.department)), h('td', {}, (p.years || []).join(', '))))));
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** One KPI's chart: the yearly actuals as a line, the baseline and the target as points. */
function kpiChart(el, kpi) {
  const byKind = kind => kpi.points.filter(p => p.kind === kind && p.value !== null)
    .map(p => ({ value: [p.fiscal_year, p.value], printed: p.printed, report_id: p.report_id,
      report_fiscal_year: p.report_fiscal_year, page: p.page, disagree: p.disagree }));
  const actual = byKind('actual'), target = byKind('target'), baseline = byKind('baseline');
  const years = kpi.points.map(p => p.fiscal_year).filter(y => y !== null);
  const chart = echarts.init(el);
  chart.setOption({
    animation: false,
    title: { text: `${kpi.name}${kpi.unit ? ' (' + kpi.unit + ')' : ''}`, textStyle: { fontSize: 13 } },
    legend: { top: 22 },
    grid: { top: 60, left: 60, right: 56, bottom: 30 },
    tooltip: {
      trigger: 'item',
      formatter: p => `${escapeHtml(p.seriesName)} FY${escapeHtml(p.data.value[0])}: <b>${escapeHtml(p.data.printed)}</b>`
        + `<br>printed in the FY${escapeHtml(p.data.report_fiscal_year)} report ${escapeHtml(p.data.report_id)}, p. ${escapeHtml(p.data.page)}`
        + (p.data.disagree ? '<br>reports disagree: see conflicts' : ''),
    },
    // Half a year of room at each end, so the baseline and target points are not cut at the axis.
    xAxis: { type: 'value', min: Math.min(...years) - 0.5, max: Math.max(...years) + 0.5, interval: 0.5,
      splitLine: { show: false }, axisLabel: { formatter: v => (Number.isInteger(v) ? String(v) : '') } },
    yAxis: { type: 'value', scale: true },
    series: [
      { name: 'actual 実績', type: 'line', data: actual, symbolSize: 8 },
      { name: 'target 目標', type: 'scatter', data: target, symbol: 'diamond', symbolSize: 12,
        markLine: target.length ? { symbol: 'none', lineStyle: { type: 'dashed' }, label: { formatter: 'target' }, data: [{ yAxis: target[target.length - 1].value[1] }] } : undefined },
      { name: 'baseline 基準', type: 'scatter', data: baseline, symbol: 'rect', symbolSize: 9 },
    ],
  });
  chart.on('click', p => { if (p.data && p.data.report_id) location.assign(pageLink(p.data.report_id, p.data.page, p.data.printed)); });
  return chart;
}

function table(id, headers, rows) {
  return h('table', { id }, h('tr', {}, headers.map(x => h('th', {}, x))), rows);
}

/**
 * A graded KPI's cell (kpi-sheet): the printed grade (folded, Ａ as A, so it compares with the
 * legend's at a glance; linked to its page, where the printed form is boxed), the grade by the
 * document's legend and the printed achievement; a mismatch of the two grades is marked.
 */
function gradeCell(s) {
  const mismatch = s.grade_status === 'mismatch';
  return h('td', { class: mismatch ? 'grade mismatch' : 'grade', 'data-grade': s.grade, 'data-grade-by-rule': s.grade_by_rule,
    'data-grade-status': s.grade_status, title: `grade ${fmt(s.grade_printed)} printed, ${fmt(s.grade_by_rule)} by the legend (${s.grade_status})${s.grade_note ? ': ' + s.grade_note : ''}` },
    h('a', { href: pageLink(s.report_id, s.grade_page ?? s.page, s.grade_printed), class: 'printed-grade' }, fmt(s.grade)),
    h('span', { class: 'by-rule' }, mismatch ? ` ≠ ${fmt(s.grade_by_rule)} by rule` : ` (by rule ${fmt(s.grade_by_rule)})`),
    h('span', { class: 'achievement' }, ` · ${fmt(s.achievement_printed ?? (s.achievement === null ? null : s.achievement + '%'))}`));
}

async function projectPage() {
  const series = params.get('series'), key = params.get('key');
  const p = await api(link('/api/projects', { series, key }));
  document.title = `${p.name} — hyoka`;
  // One column per report: a year can have two current reports of different layouts (the FY2019
  // report scores, the FY2019 sheets grade), each named by its layout then.
  const columns = p.years;
  const layoutsOf = y => new Set(columns.filter(c => c.fiscal_year === y).map(c => c.layout));
  const columnName = c => layoutsOf(c.fiscal_year).size > 1 ? `FY${c.fiscal_year} ${c.layout}` : `FY${c.fiscal_year}`;
  const charts = [];
  const chartDivs = p.kpis.map(k => {
    const div = h('div', { class: 'chart', 'data-kpi-key': k.kpi_key });
    charts.push([div, k]);
    return div;
  });
  const scoreRows = p.kpis.map(k => h('tr', { 'data-kpi-key': k.kpi_key },
    h('td', {}, k.name),
    columns.map(col => {
      const s = p.scores.find(x => x.kpi_key === k.kpi_key && x.report_id === col.report_id);
      if (!s) return h('td', {}, '');
      if (s.grade_status !== null && s.grade_status !== undefined) return gradeCell(s);
      return h('td', { class: 'num', title: `computed ${fmt(s.score_computed)} (${fmt(s.score_status)})${s.score_note ? ': ' + s.score_note : ''}` },
        h('a', { href: pageLink(s.report_id, s.page, s.score_printed) }, fmt(s.score_printed ?? s.score)),
        s.score_status === 'mismatch' ? ' ≠ ' + fmt(s.score_computed) : '');
    })));
  show(
    h('h1', {}, p.name),
    h('p', { class: 'note' }, `series ${p.series} · key ${p.project_key}`),
    table('years', ['year', 'layout', 'no', 'department', 'section', 'group', 'description'],
      p.years.map(y => h('tr', {},
        h('td', {}, h('a', { href: link('/report', { id: y.report_id }) }, `FY${y.fiscal_year}`)),
        h('td', {}, fmt(y.layout)),
        h('td', { class: 'num' }, h('a', { href: pageLink(y.report_id, y.page, p.name) }, y.project_no)),
        h('td', {}, fmt(y.department)), h('td', {}, fmt(y.section)), h('td', {}, `${fmt(y.group_no)} ${fmt(y.group_name)}`),
        h('td', {}, fmt(y.description))))),
    h('h2', {}, 'KPIs by year, against the target'), chartDivs,
    h('h2', {}, p.has_grade ? 'Scores and grades by year (printed; ≠ computed or by rule where they differ)'
      : 'Scores by year (printed; ≠ computed where they differ)'),
    table('scores', ['KPI', ...columns.map(columnName)], scoreRows),
    h('h2', {}, 'Texts'),
    h('div', { id: 'texts' }, p.texts.map(t => h('div', {},
      h('div', { class: 'note', 'data-kind': t.kind }, `FY${t.fiscal_year} · ${t.layout} · ${kindLabel(t.kind)}`
        + (t.kind === 'target_basis' ? ` · KPI ${t.item_no} ${fmt(t.kpi_name)}` : t.item_no ? ' · item ' + t.item_no : '') + ' · ',
        h('a', { href: pageLink(t.report_id, t.page, (t.text || '').slice(0, 12)) }, `p. ${t.page}`)),
      h('div', { class: 'text' }, t.text)))),
    h('h2', {}, 'Budget items'),
    table('budget', ['year', 'item', 'name', 'overview', 'purpose', 'page'],
      p.budget_items.map(b => h('tr', {}, h('td', {}, `FY${b.fiscal_year}`), h('td', { class: 'num' }, b.item_no), h('td', {}, fmt(b.name)),
        h('td', {}, fmt(b.overview)), h('td', {}, fmt(b.purpose)),
        h('td', {}, h('a', { href: pageLink(b.report_id, b.page, b.name) }, `p. ${b.page}`))))),
    h('h2', {}, 'Conflicts (two reports print different values)'),
    p.conflicts.length ? table('conflicts', ['KPI', 'year', 'kind', 'older', 'newer'],
      p.conflicts.map(c => h('tr', {}, h('td', {}, c.kpi_name), h('td', {}, c.fiscal_year), h('td', {}, c.kind),
        h('td', {}, h('a', { href: link('/report', { id: c.older_report_id }) }, `FY${c.older_report_fiscal_year}`), ': ', fmt(c.older_printed)),
        h('td', {}, h('a', { href: link('/report', { id: c.newer_report_id }) }, `FY${c.newer_report_fiscal_year}`), ': ', fmt(c.newer_printed)))))
      : h('p', { id: 'conflicts', class: 'note' }, 'none: every report prints the same values'));
  window.hyokaCharts = {};
  for (const [div, k] of charts) window.hyokaCharts[k.kpi_key] = kpiChart(div, k);
}

// ---- reports ------------------------------------------------------------------------------

async function reportsPage() {
  document.title = 'hyoka reports';
  const r = await api('/api/reports');
  show(h('h1', {}, 'Reports'),
    table('reports', ['series', 'year', 'layout', 'file', 'projects', 'KPI rows', 'score mismatches', 'grade mismatches', 'unknown lines', 'superseded by'],
      r.reports.map(x => h('tr', {},
        h('td', {}, x.series), h('td', {}, h('a', { href: link('/report', { id: x.report_id }) }, `FY${x.fiscal_year}`)),
        h('td', {}, fmt(x.layout)), h('td', {}, x.source_file), h('td', { class: 'num' }, x.project_count), h('td', { class: 'num' }, x.kpi_count),
        // NULL where the layout prints no score (or no grade): nothing to compare, not zero.
        h('td', { class: 'num' }, fmt(x.score_mismatches)), h('td', { class: 'num' }, fmt(x.grade_mismatches)),
        h('td', { class: 'num' }, x.unknown_residue), h('td', {}, fmt(x.superseded_by))))));
}

async function reportPage() {
  const id = params.get('id');
  if (!id) return reportsPage();
  const r = await api(`/api/reports/${encodeURIComponent(id)}`);
  document.title = `FY${r.fiscal_year} ${r.series} — hyoka`;
  show(
    h('h1', {}, `FY${r.fiscal_year} report of ${r.series}`),
    h('p', { class: 'note', id: 'report-info' }, `${r.source_file} · layout ${r.layout} · ${r.page_count} pages · report ${r.report_id} · run ${r.run_id}`,
      r.superseded_by ? ` · superseded by ${r.superseded_by}` : ''),
    r.grade_legend ? h('p', { class: 'note', id: 'legend' }, 'grade legend: ',
      h('a', { href: pageLink(r.report_id, r.grade_legend_page, null) }, r.grade_legend)) : null,
    h('h2', {}, `Projects (${r.projects.length})`),
    table('report-projects', ['no', 'project', 'department', 'KPI scores'],
      r.projects.map(p => h('tr', {},
        h('td', { class: 'num' }, h('a', { href: pageLink(r.report_id, p.page, p.name) }, p.project_no)),
        h('td', {}, h('a', { href: link('/project', { series: r.series, key: p.project_key }) }, p.name)),
        h('td', {}, fmt(p.department)),
        h('td', {}, p.kpis.map(k => k.grade_status !== null && k.grade_status !== undefined
          ? h('a', { href: pageLink(r.report_id, k.grade_page ?? k.page, k.grade_printed), class: k.grade_status === 'mismatch' ? 'kpi ng' : 'kpi', title: k.name, 'data-grade': k.grade },
            `KPI${k.kpi_no} ${gradeText(k.grade, k.grade_by_rule, k.achievement)}`)
          : h('a', { href: pageLink(r.report_id, k.page, k.score_printed), class: k.score_status === 'mismatch' ? 'kpi ng' : 'kpi', title: k.name },
            `KPI${k.kpi_no} ${fmt(k.score_printed ?? k.score)}${k.score_status === 'mismatch' ? ' ≠ ' + fmt(k.score_computed) : ''}`)))))),
    h('h2', {}, `Score mismatches (${r.mismatches.length})`, r.score_mismatches === null ? ': this layout prints no score' : ''),
    table('mismatches', ['project', 'KPI', 'printed', 'computed', 'why', 'page'],
      r.mismatches.map(k => h('tr', {}, h('td', { class: 'num' }, k.project_no), h('td', {}, k.name), h('td', { class: 'num' }, fmt(k.score_printed)),
        h('td', { class: 'num' }, fmt(k.score_computed)), h('td', {}, fmt(k.score_note)),
        h('td', {}, h('a', { href: pageLink(r.report_id, k.page, k.score_printed) }, `p. ${k.page}`))))),
    r.has_grade ? [h('h2', {}, `Grade mismatches (${r.grade_mismatch_kpis.length}): printed grade vs the legend's`),
      table('grade-mismatches', ['project', 'KPI', 'name', 'achievement', 'printed', 'by rule', 'why', 'page'],
        r.grade_mismatch_kpis.map(k => h('tr', { 'data-project-no': k.project_no, 'data-kpi-no': k.kpi_no },
          h('td', { class: 'num' }, k.project_no), h('td', { class: 'num' }, k.kpi_no), h('td', {}, k.name),
          h('td', { class: 'num' }, fmt(k.achievement_printed)), h('td', { class: 'grade' }, fmt(k.grade_printed)),
          h('td', { class: 'grade' }, fmt(k.grade_by_rule)), h('td', {}, fmt(k.grade_note)),
          h('td', {}, h('a', { href: pageLink(r.report_id, k.grade_page ?? k.page, k.grade_printed) }, `p. ${k.grade_page ?? k.page}`)))))] : null,
    h('h2', {}, `Unknown lines (${r.unknown_lines.length}): text the parser could not place`),
    table('unknown', ['file', 'page', 'line', 'text'],
      r.unknown_lines.map(u => h('tr', {}, h('td', {}, r.source_file),
        h('td', {}, h('a', { href: pageLink(r.report_id, u.page, u.text.slice(0, 16)) }, `p. ${u.page}`)),
        h('td', { class: 'num' }, u.line_no), h('td', {}, u.text)))));
}

// ---- the page behind a value --------------------------------------------------------------

async function pageView() {
  const id = params.get('report'), page = Number(params.get('page')), text = params.get('text');
  // The head (title, page count, file) is all this view shows of the report, and the image needs
  // none of it: both are asked for at once, the image rendering while the head comes.
  const head = api(`/api/reports/${encodeURIComponent(id)}/head`);
  const base = `/api/reports/${encodeURIComponent(id)}/pages/${page}`;
  const img = h('img', { alt: `page ${page}`, id: 'page-image' });
  const loaded = new Promise((resolve, reject) => { img.onload = resolve; img.onerror = reject; });
  loaded.catch(() => {}); // looked at below, once the head is shown
  img.src = base;
  const r = await head;
  document.title = `p. ${page} of FY${r.fiscal_year} — hyoka`;
  const box = h('div', { class: 'pageview', id: 'pageview' });
  const info = h('p', { id: 'found', class: 'note' }, text ? `looking for “${text}”…` : '');
  show(
    h('h1', {}, `Page ${page} of ${r.page_count}, FY${r.fiscal_year} report of ${r.series}`),
    h('p', { class: 'note' },
      h('a', { href: link('/report', { id }) }, r.source_file), ' · ',
      page > 1 ? h('a', { href: pageLink(id, page - 1, null), id: 'prev' }, '← previous page') : '', ' ',
      page < r.page_count ? h('a', { href: pageLink(id, page + 1, null), id: 'next' }, 'next page →') : ''),
    info, box);
  box.append(img);
  try {
    await loaded;
  } catch (e) {
    // The image request failed: show the server's reason (e.g. the PDF was moved).
    try { await api(base); } catch (err) { box.replaceWith(errorBox(err)); return; }
    box.replaceWith(errorBox(new Error('the page could not be shown')));
    return;
  }
  if (!text) return;
  try {
    const found = await api(link(`${base}/find`, { text }));
    found.boxes.forEach((b, i) => box.append(h('div', {
      class: 'hl', id: `hl-${i}`,
      style: `left:${b.x * 100}%;top:${b.y * 100}%;width:${b.w * 100}%;height:${b.h * 100}%`,
    })));
    info.textContent = found.matches ? `“${text}” is printed ${found.matches} time${found.matches > 1 ? 's' : ''} on this page (boxed)` : `“${text}” is not found on this page's text layer`;
    const first = document.getElementById('hl-0');
    if (first) first.scrollIntoView({ block: 'center' });
  } catch (e) {
    info.replaceWith(errorBox(e));
  }
}

// ---- SQL ----------------------------------------------------------------------------------

async function sqlPage() {
  document.title = 'hyoka SQL';
  const q = params.get('q') || '';
  const form = h('form', { class: 'sqlform', id: 'sql-form', action: '/sql', method: 'get' },
    h('textarea', { name: 'q', spellcheck: 'false' }, q || "SELECT k.name, k.score FROM search('除雪') s JOIN kpis k USING (report_id, project_no)"),
    h('div', {}, h('button', { type: 'submit', id: 'run' }, 'Run'), ' ',
      h('span', { class: 'note' }, 'read-only DuckDB SQL over the warehouse, search(\'…\') included; no file access')));
  if (!q) {
    show(h('h1', {}, 'SQL'), form);
    return;
  }
  show(h('h1', {}, 'SQL'), form, h('p', { class: 'loading' }, 'Running…'));
  let r;
  try {
    r = await api(link('/api/sql', { q }));
  } catch (e) {
    show(h('h1', {}, 'SQL'), form, errorBox(e));
    return;
  }
  show(h('h1', {}, 'SQL'), form,
    h('p', { id: 'sql-info' }, `${r.row_count} row${r.row_count === 1 ? '' : 's'} in ${r.millis} ms`,
      r.truncated ? ` — only the first ${r.max_rows} rows are shown (the row cap); a download holds more` : '', ' · ',
      h('a', { href: link('/api/sql', { q, format: 'csv' }), id: 'csv', download: 'hyoka-query.csv' }, 'CSV'), ' · ',
      h('a', { href: link('/api/sql', { q, format: 'json' }), id: 'json', download: 'hyoka-query.json' }, 'JSON')),
    h('table', { id: 'result' },
      h('tr', {}, r.columns.map((c, i) => h('th', { title: r.types[i] }, c))),
      r.rows.map(row => h('tr', {}, row.map(v => h('td', { class: typeof v === 'number' ? 'num' : null }, v === null ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : v))))));
}

// ---- dispatch -----------------------------------------------------------------------------

const ROUTES = {
  '/': searchPage, '/search': searchPage, '/projects': projectsPage, '/project': projectPage,
  '/reports': reportsPage, '/report': reportPage, '/page': pageView, '/sql': sqlPage,
};

async function status() {
  try {
    const s = await api('/api/status');
    document.getElementById('status').textContent =
      `${s.current_reports} current reports · run ${s.run}`;
  } catch (e) {
    document.getElementById('status').textContent = e.message;
  }
}

(async () => {
  status();
  const route = ROUTES[location.pathname] || searchPage;
  try {
    await route();
  } catch (e) {
    show(errorBox(e));
  }
  document.body.setAttribute('data-ready', 'true');
})();
