/// <reference lib="dom" />
// The dashboard webview: draws the model the extension sends (core `dashboardModel`), nothing more. Runs
// under `default-src 'none'` with this script admitted by nonce: no inline script or style, no eval. uPlot
// sets sizes through the CSSOM (allowed), its stylesheet ships in the bundled CSS file; VS Code Elements
// style themselves with constructed stylesheets (adoptedStyleSheets), which the policy does not block.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import './dashboard.css';
import type { DashboardModel, DashboardSeries, DueEntry, PlanAction, PlanItem, PlanItemState } from '../core/progress/dashboard';
import type { ReviewRating } from '../core/progress/review';
import type { DashboardRequest, DashboardView, FromWebview, MockPayload, RenderReport, ToWebview } from './protocol';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  setState(state: unknown): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const send = (message: FromWebview): void => vscode.postMessage(message);

// Reported to the extension, which logs it and lets the tests assert there is none.
document.addEventListener('securitypolicyviolation', (e) => {
  send({ type: 'cspViolation', directive: e.violatedDirective, blockedURI: e.blockedURI, sample: e.sample });
});

let nextRequestId = 1;
const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();

/** Sends a request and settles when the extension answers the same id. */
function request(req: DashboardRequest): Promise<void> {
  const requestId = nextRequestId++;
  return new Promise((resolve, reject) => {
    pending.set(requestId, { resolve, reject });
    send({ type: 'request', requestId, request: req });
  });
}

/** A click's request: failures show in the status line instead of vanishing. */
function act(req: DashboardRequest): void {
  status('');
  request(req).catch((e: Error) => status(e.message));
}

let current: Extract<ToWebview, { type: 'model' }> | undefined;
const charts: uPlot[] = [];

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'response') {
    const p = pending.get(message.requestId);
    pending.delete(message.requestId);
    if (message.ok) p?.resolve();
    else p?.reject(new Error(message.error ?? 'The request failed.'));
    return;
  }
  if (message.type === 'model') {
    current = message;
    render();
  }
});

/** Creates an element with attributes (never `style`) and children; strings become text nodes. */
function h(tag: string, attrs: Record<string, string | undefined> = {}, ...children: (Node | string | undefined)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c !== undefined) el.append(c);
  return el;
}

function status(text: string): void {
  const line = document.getElementById('status');
  if (line) line.textContent = text;
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

function themeKind(): string {
  return (['vscode-high-contrast-light', 'vscode-high-contrast', 'vscode-dark', 'vscode-light'].find((c) => document.body.classList.contains(c))) ?? 'unknown';
}

/** Colours of the plots, from the theme (re-read on every draw, so a theme change redraws right). */
function palette() {
  return {
    fg: cssVar('--vscode-foreground', '#888'),
    grid: cssVar('--vscode-editorWidget-border', cssVar('--vscode-panel-border', '#8884')),
    blue: cssVar('--vscode-charts-blue', '#3794ff'),
    red: cssVar('--vscode-charts-red', '#f14c4c'),
    green: cssVar('--vscode-charts-green', '#89d185'),
    yellow: cssVar('--vscode-charts-yellow', '#cca700'),
    purple: cssVar('--vscode-charts-purple', '#b180d7'),
    font: `${cssVar('--vscode-font-size', '13px')} ${cssVar('--vscode-font-family', 'sans-serif')}`,
  };
}

const START_LABELS: Record<PlanAction['kind'], string> = { startDrill: 'Start', startMock: 'Start Mock', startDesign: 'Start Design', rehearse: 'Rehearse', writeStories: 'Write Stories' };

const STATE_TEXT: Record<PlanItemState, string> = { done: 'Done', 'in-progress': 'In progress', todo: 'To do', 'not-available': 'Not available yet' };
const STATE_MARK: Record<PlanItemState, string> = { done: '✓', 'in-progress': '◐', todo: '○', 'not-available': '–' };

function render(): void {
  if (!current) return;
  for (const c of charts.splice(0)) c.destroy();
  pendingCharts.length = 0;
  const app = document.getElementById('app');
  if (!app) return;
  app.replaceChildren();
  app.setAttribute('aria-busy', 'true');
  const { model, view } = current;
  let points = 0;
  if (view.kind === 'mock' && current.mock) {
    points = renderMock(app, model, current.mock);
  } else {
    points = renderPlan(app, model);
  }
  app.append(h('p', { id: 'status', role: 'status', class: 'status' }));
  for (const draw of pendingCharts.splice(0)) draw();
  app.setAttribute('aria-busy', 'false');
  const report: RenderReport = { view: view.kind, plots: charts.length, points, theme: themeKind() };
  document.body.dataset.rendered = `${report.view}:${report.plots}`;
  send({ type: 'rendered', report });
}

function header(model: DashboardModel): HTMLElement {
  const when =
    model.interviewDate === undefined
      ? 'No interview date set: the plan spans three weeks from today.'
      : model.daysLeft !== undefined && model.daysLeft < 0
        ? `The interview date (${model.interviewDate}) has passed.`
        : `Interview on ${model.interviewDate}: ${model.daysLeft} day${model.daysLeft === 1 ? '' : 's'} left.`;
  const dateButton = h('vscode-button', { secondary: '', id: 'set-date' }, model.interviewDate === undefined ? 'Set Interview Date' : 'Change Date');
  dateButton.addEventListener('click', () => act({ kind: 'setInterviewDate' }));
  return h(
    'header',
    { class: 'top' },
    h('h1', {}, 'Interview prep'),
    h('p', { class: 'when' }, when, ' ', dateButton),
    h('p', { class: 'totals' }, `${model.totals.attempts} attempts · ${model.totals.problemsSolved} problems solved · ${model.totals.designs} design drill${model.totals.designs === 1 ? '' : 's'} · ${model.totals.rehearsals} rehearsal${model.totals.rehearsals === 1 ? '' : 's'} · ${model.due.length} due for review today`),
  );
}

function renderPlan(app: HTMLElement, model: DashboardModel): number {
  app.append(header(model));
  // Today's suggestion, one click to start.
  const today = h('section', { class: 'card today', 'aria-labelledby': 'today-h' }, h('h2', { id: 'today-h' }, 'Today'));
  if (model.next) {
    const next = model.next;
    const start = h('vscode-button', { id: 'start-next' }, START_LABELS[next.action.kind]);
    start.addEventListener('click', () => act({ kind: 'start', action: next.action }));
    today.append(h('p', { class: 'next' }, h('strong', {}, next.label), ' ', start), h('p', { class: 'why' }, next.why));
  } else {
    today.append(h('p', {}, 'Nothing left in the plan for today.'));
  }
  app.append(today);

  // The plan, a column per week.
  const weeks = h('section', { class: 'weeks', 'aria-label': 'Plan' });
  model.plan.weeks.forEach((week, i) => {
    const list = h('ul', { class: 'items' });
    for (const item of week.items) list.append(planItem(item));
    const range = week.from === week.to ? week.from : `${week.from} – ${week.to}`;
    weeks.append(h('div', { class: `card week${i === model.plan.currentWeek ? ' current' : ''}` }, h('h2', {}, week.title), h('p', { class: 'range' }, range), list));
  });
  app.append(weeks);

  let points = 0;
  const grid = h('section', { class: 'plots', 'aria-label': 'Plots' });
  app.append(grid);
  points += plotsFor(grid, model.series, true);
  points += forecastPlot(grid, model);
  app.append(activityStrip(model.series));
  app.append(dueList(model));
  app.append(ratings(model));
  if (model.mocks.length > 0) {
    const list = h('ul', { class: 'mocks' });
    for (const m of model.mocks) {
      const open = h('vscode-button', { secondary: '' }, 'Open Report');
      open.addEventListener('click', () => act({ kind: 'show', view: { kind: 'mock', mockId: m.id } }));
      list.append(h('li', {}, `${new Date(m.startedAt).toLocaleString()} · ${m.problems} problem${m.problems === 1 ? '' : 's'} `, open));
    }
    app.append(h('section', { class: 'card' }, h('h2', {}, 'Mock interviews'), list));
  }
  return points;
}

function planItem(item: PlanItem): HTMLElement {
  const count = item.target !== undefined && item.state !== 'not-available' ? ` ${item.done ?? 0} / ${item.target}` : '';
  return h(
    'li',
    { class: `item ${item.state}`, 'data-item': item.id },
    h('span', { class: 'mark', 'aria-hidden': 'true' }, STATE_MARK[item.state]),
    h('span', { class: 'label' }, item.label),
    h('span', { class: 'count' }, count),
    h('span', { class: 'state' }, STATE_TEXT[item.state]),
    item.note ? h('span', { class: 'note' }, item.note) : undefined,
  );
}

/** Charts waiting for their figure's final width: drawn once every figure of the view is in the page. */
const pendingCharts: (() => void)[] = [];

/** Adds a titled plot to `parent`; returns the points it will draw. */
function plot(parent: HTMLElement, id: string, title: string, caption: string, make: (width: number) => { opts: uPlot.Options; data: uPlot.AlignedData }): number {
  const holder = h('div', { class: 'chart' });
  const figure = h('figure', { class: 'card plot', id }, h('figcaption', {}, h('h2', {}, title), h('span', { class: 'caption' }, caption)), holder);
  parent.append(figure);
  const { data } = make(300);
  if (data[0].length === 0) {
    holder.append(h('p', { class: 'empty' }, 'No data yet.'));
    return 0;
  }
  pendingCharts.push(() => {
    // Measured after layout: the grid decides the columns only once all its figures are in.
    const { opts, data: drawn } = make(Math.max(260, Math.floor(holder.clientWidth)));
    charts.push(new uPlot(opts, drawn, holder));
  });
  return data.slice(1).reduce((s, series) => s + (series as (number | null)[]).filter((v) => v !== null && v !== undefined).length, 0);
}

function axes(p: ReturnType<typeof palette>, y: Partial<uPlot.Axis> = {}, x: Partial<uPlot.Axis> = {}): uPlot.Axis[] {
  const base = { stroke: p.fg, font: p.font, grid: { stroke: p.grid, width: 1 }, ticks: { stroke: p.grid, width: 1 } };
  return [{ ...base, ...x }, { ...base, ...y }];
}

const HEIGHT = 200;

function plotsFor(grid: HTMLElement, series: DashboardSeries, withTopics: boolean): number {
  const p = palette();
  let points = 0;
  const times = series.solveTimes;
  points += plot(grid, 'plot-solve-times', 'Solve time against the limit', 'minutes per attempt', (width) => ({
    opts: {
      width,
      height: HEIGHT,
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max, ...times.map((t) => t.limitMinutes)) * 1.1] } },
      axes: axes(p),
      series: [
        {},
        { label: 'Solve time', stroke: p.blue, width: 2, points: { show: true, size: 7, fill: p.blue } },
        { label: 'Limit', stroke: p.red, width: 1, dash: [6, 4], points: { show: false } },
      ],
    },
    data: [times.map((t) => t.at / 1000), times.map((t) => t.minutes), times.map((t) => t.limitMinutes)],
  }));
  if (withTopics) {
    const topics = series.topics;
    points += plot(grid, 'plot-topics', 'Pass rate by topic', 'share of attempts solved, and of first runs passing', (width) => ({
      opts: {
        width,
        height: HEIGHT,
        scales: { x: { time: false, range: [-0.5, Math.max(0.5, topics.length - 0.5)] }, y: { range: [0, 100] } },
        axes: axes(p, { values: (_u, splits) => splits.map((v) => `${v}%`) }, { splits: () => topics.map((_, i) => i), values: (_u, splits) => splits.map((i) => topics[i]?.topic ?? ''), rotate: topics.length > 5 ? -35 : 0, size: topics.length > 5 ? 95 : 40 }),
        series: [
          {},
          { label: 'Solved', fill: p.green, stroke: p.green, paths: uPlot.paths.bars!({ size: [0.35, 40], align: -1 }), points: { show: false } },
          { label: 'First run passed', fill: p.blue, stroke: p.blue, paths: uPlot.paths.bars!({ size: [0.35, 40], align: 1 }), points: { show: false } },
        ],
      },
      data: [topics.map((_, i) => i), topics.map((t) => Math.round(t.passRate * 100)), topics.map((t) => Math.round(t.firstRunPassRate * 100))],
    }));
  }
  const edges = series.edgeCases;
  points += plot(grid, 'plot-edge-cases', 'Edge cases anticipated', 'share of the hidden edge-case tags your plan named', (width) => ({
    opts: {
      width,
      height: HEIGHT,
      scales: { x: { time: true }, y: { range: [0, 100] } },
      axes: axes(p, { values: (_u, splits) => splits.map((v) => `${v}%`) }),
      series: [{}, { label: 'Anticipated', stroke: p.purple, width: 2, points: { show: true, size: 7, fill: p.purple } }],
    },
    data: [edges.map((e) => e.at / 1000), edges.map((e) => Math.round(e.share * 100))],
  }));
  const hints = series.hints;
  points += plot(grid, 'plot-hints', 'Hints used', 'per attempt', (width) => ({
    opts: {
      width,
      height: HEIGHT,
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(3, max + 1)] } },
      axes: axes(p, { splits: (_u, _i, _min, max) => Array.from({ length: Math.floor(max) + 1 }, (_, i) => i) }),
      series: [{}, { label: 'Hints', stroke: p.yellow, fill: p.yellow, paths: uPlot.paths.bars!({ size: [0.6, 18] }), points: { show: false } }],
    },
    data: [hints.map((x) => x.at / 1000), hints.map((x) => x.hints)],
  }));
  points += kindPlots(grid, series);
  return points;
}

/** Design drills (failure-mode coverage and rubric average) and rehearsals (spoken length against the target). */
function kindPlots(grid: HTMLElement, series: DashboardSeries): number {
  const p = palette();
  let points = 0;
  const designs = series.designs;
  if (designs.length > 0) {
    points += plot(grid, 'plot-designs', 'Design drills', 'failure modes anticipated (%) and rubric average (of 4)', (width) => ({
      opts: {
        width,
        height: HEIGHT,
        scales: { x: { time: true }, y: { range: [0, 100] }, rubric: { range: [0, 4] } },
        axes: [...axes(p, { values: (_u, splits) => splits.map((v) => `${v}%`) }), { scale: 'rubric', side: 1, stroke: p.fg, font: p.font, grid: { show: false } }],
        series: [
          {},
          { label: 'Failure modes', stroke: p.purple, width: 2, points: { show: true, size: 7, fill: p.purple } },
          { label: 'Rubric', scale: 'rubric', stroke: p.green, width: 2, points: { show: true, size: 7, fill: p.green } },
        ],
      },
      data: [designs.map((d) => d.at / 1000), designs.map((d) => (d.coverage === undefined ? null : Math.round(d.coverage * 100))), designs.map((d) => d.rubricAverage ?? null)],
    }));
  }
  const stories = series.stories;
  if (stories.length > 0) {
    points += plot(grid, 'plot-stories', 'Story length', 'minutes spoken per rehearsal, against the target', (width) => ({
      opts: {
        width,
        height: HEIGHT,
        scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(max, ...stories.map((s) => s.targetMinutes)) * 1.2] } },
        axes: axes(p),
        series: [
          {},
          { label: 'Spoken', stroke: p.blue, width: 2, points: { show: true, size: 7, fill: p.blue } },
          { label: 'Target', stroke: p.red, width: 1, dash: [6, 4], points: { show: false } },
        ],
      },
      data: [stories.map((s) => s.at / 1000), stories.map((s) => s.spokenMinutes), stories.map((s) => s.targetMinutes)],
    }));
  }
  return points;
}

function forecastPlot(grid: HTMLElement, model: DashboardModel): number {
  const p = palette();
  const days = model.forecast;
  return plot(grid, 'plot-forecast', 'Review forecast', 'problems, prompts and stories falling due per day', (width) => ({
    opts: {
      width,
      height: HEIGHT,
      scales: { x: { time: false, range: [-0.5, days.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(3, max + 1)] } },
      axes: axes(p, { splits: (_u, _i, _min, max) => Array.from({ length: Math.floor(max) + 1 }, (_, i) => i) }, { splits: () => days.map((_, i) => i).filter((i) => i % 2 === 0), values: (_u, splits) => splits.map((i) => days[i]?.day.slice(5) ?? '') }),
      series: [{}, { label: 'Due', stroke: p.blue, fill: p.blue, paths: uPlot.paths.bars!({ size: [0.7, 30] }), points: { show: false } }],
    },
    data: [days.map((_, i) => i), days.map((d) => d.due)],
  }));
}

function activityStrip(series: DashboardSeries): HTMLElement {
  const count = (d: DashboardSeries['activity'][number]) => d.started + d.designs + d.rehearsals;
  const max = Math.max(1, ...series.activity.map(count));
  const strip = h('div', { class: 'calendar', role: 'img', 'aria-label': `Drills per day over the last ${series.activity.length} days` });
  for (const d of series.activity) {
    const level = count(d) === 0 ? 0 : Math.min(4, Math.ceil((count(d) / max) * 4));
    strip.append(h('span', { class: `day level-${level}`, title: `${d.day}: ${d.started} started, ${d.solved} solved, ${d.designs} design drill${d.designs === 1 ? '' : 's'}, ${d.rehearsals} rehearsal${d.rehearsals === 1 ? '' : 's'}` }));
  }
  return h('section', { class: 'card activity' }, h('h2', {}, 'Activity'), strip);
}

function dueList(model: DashboardModel): HTMLElement {
  const section = h('section', { class: 'card due' }, h('h2', {}, 'Due for review'));
  if (model.due.length === 0) {
    section.append(h('p', {}, 'Nothing is due today.'));
    return section;
  }
  const list = h('ul', {});
  for (const d of model.due) {
    const action = dueAction(d);
    const start = h('vscode-button', { secondary: '' }, START_LABELS[action.kind]);
    start.addEventListener('click', () => act({ kind: 'start', action }));
    list.append(h('li', {}, `${d.title} · ${d.overdueDays > 0 ? `${d.overdueDays} day${d.overdueDays === 1 ? '' : 's'} overdue` : 'due today'} `, start));
  }
  section.append(list);
  return section;
}

function dueAction(d: DueEntry): PlanAction {
  if (d.kind === 'story') return { kind: 'rehearse' };
  return { kind: d.kind === 'design' ? 'startDesign' : 'startDrill', packId: d.packId, problemId: d.problemId, title: d.title };
}

const RATING_LABELS: Record<ReviewRating, string> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

/** The latest reviews with their ratings; one click on another rating overrides it, on the derived one clears the override. */
function ratings(model: DashboardModel): HTMLElement {
  const section = h('section', { class: 'card ratings' }, h('h2', {}, 'Latest reviews'));
  if (model.recent.length === 0) {
    section.append(h('p', {}, 'Finish a drill and its review rating shows here.'));
    return section;
  }
  const table = h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Attempt'), h('th', {}, 'Why'), h('th', {}, 'Rating'))));
  const body = h('tbody', {});
  for (const r of model.recent) {
    const buttons = h('span', { class: 'rating-buttons', role: 'group', 'aria-label': `Rating of ${r.title}` });
    for (const rating of Object.keys(RATING_LABELS) as ReviewRating[]) {
      const b = h('vscode-button', rating === r.rating ? { 'aria-pressed': 'true' } : { secondary: '', 'aria-pressed': 'false' }, RATING_LABELS[rating]);
      b.addEventListener('click', () => act({ kind: 'rate', attemptId: r.attemptId, rating: rating === r.derived ? null : rating }));
      buttons.append(b);
    }
    const why = r.overridden ? `${r.reasons.join(', ')} (rated ${RATING_LABELS[r.derived]}, changed by you)` : r.reasons.join(', ');
    body.append(h('tr', {}, h('td', {}, `${r.title}`, h('br'), h('small', {}, new Date(r.at).toLocaleString())), h('td', {}, why), h('td', {}, buttons)));
  }
  table.append(body);
  section.append(table);
  return section;
}

function renderMock(app: HTMLElement, model: DashboardModel, mock: MockPayload): number {
  const back = h('vscode-button', { secondary: '', id: 'back' }, 'Back to the Plan');
  back.addEventListener('click', () => act({ kind: 'show', view: { kind: 'plan' } }));
  const r = mock.report;
  const minutes = (ms: number) => `${Math.round(ms / 60_000)} min`;
  app.append(
    h('header', { class: 'top' }, h('h1', {}, mock.title), h('p', {}, back)),
    h('p', { class: 'score' }, h('strong', {}, `Score ${r.score} / 100`), ` · solved ${r.solved} of ${r.problems.length} · time used ${minutes(r.timeSpentMs)} of ${minutes(r.totalMs)}`),
  );
  const table = h('table', { class: 'card report' }, h('thead', {}, h('tr', {}, ...['#', 'Problem', 'Difficulty', 'Outcome', 'Time', 'Runs', 'Hints', 'Score', 'Edge cases'].map((t) => h('th', {}, t)))));
  const body = h('tbody', {});
  r.problems.forEach((p, i) => {
    body.append(
      h(
        'tr',
        {},
        h('td', {}, String(i + 1)),
        h('td', {}, p.title),
        h('td', {}, p.difficulty),
        h('td', { class: `outcome ${p.outcome}` }, p.outcome.replace('-', ' ')),
        h('td', {}, `${minutes(p.timeSpentMs)} / ${minutes(p.allocatedMs)}`),
        h('td', {}, String(p.runs)),
        h('td', {}, String(p.hints)),
        h('td', {}, String(p.score)),
        h('td', {}, p.coverage ? p.coverage.text : 'no run, so no coverage.'),
      ),
    );
  });
  table.append(body);
  app.append(table);
  const grid = h('section', { class: 'plots', 'aria-label': 'Plots of this mock' });
  app.append(grid);
  void model;
  return plotsFor(grid, mock.series, false);
}

// Redraw when the theme changes (the body's class names the theme kind) or the panel is resized.
new MutationObserver(() => render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
let resizeTimer: number | undefined;
let lastWidth = window.innerWidth;
window.addEventListener('resize', () => {
  if (window.innerWidth === lastWidth) return;
  lastWidth = window.innerWidth;
  window.clearTimeout(resizeTimer);
  resizeTimer = window.setTimeout(render, 150);
});

export type { DashboardView };
send({ type: 'ready' });
