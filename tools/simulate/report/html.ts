import type { ReportActionNode, ReportData, ReportRun } from './model.js';

/**
 * Renders the simulation report as ONE self-contained HTML file: inline CSS and SVG, no script,
 * no network. Figures carry `data-testid` attributes so tests (and users' scripts) can read them.
 */
export function renderReportHtml(data: ReportData): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(data.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>${esc(data.title)}</h1>
  <p class="meta">Solution <b>${esc(data.solution)}</b> · synthetic tenant: ${data.tenant.users} users, ${data.tenant.apps} apps, ${data.tenant.days} days, seed ${esc(String(data.tenant.seed))} · generated ${esc(data.generatedAt)}</p>
</header>
<main>
<section class="cards">
${data.summary.map((s) => `  <div class="card"><div class="value" data-testid="figure-${esc(s.id)}">${esc(formatValue(s.value))}</div><div class="label">${esc(s.label)}</div></div>`).join('\n')}
</section>
${renderGroundTruth(data)}
<section>
  <h2>Launches per day</h2>
  ${renderDayChart(data.launchesPerDay)}
</section>
<section>
  <h2>Launches and unique users per app</h2>
  ${renderAppTable(data.launchesPerApp)}
</section>
<section>
  <h2>Timeline of runs</h2>
  ${renderTimeline(data.timeline ?? data.runs.map((r) => ({ flow: r.flow, status: r.status, startTime: r.startTime, endTime: r.endTime, child: Boolean(r.parentRunId) })))}
</section>
${renderFaults(data.faults)}
<section>
  <h2>Runs</h2>
  <p class="meta">${data.runs.length === data.totalRuns ? `${data.totalRuns} runs` : `first ${data.runs.length} of ${data.totalRuns} runs shown in detail`}; inputs and outputs have secrets masked.</p>
  ${data.runs.map(renderRun).join('\n')}
</section>
</main>
</body>
</html>
`;
}

function renderGroundTruth(data: ReportData): string {
  const g = data.groundTruth;
  return `<section class="truth ${g.ok ? 'ok' : 'bad'}" data-testid="ground-truth">
  <h2>Ground truth check: ${g.ok ? 'every launch event stored exactly once' : 'MISMATCH'}</h2>
  <table><tr><th>expected</th><th>found</th><th>missing</th><th>duplicated</th><th title="only in content blobs that expired before they were read (AF20051): no client can read them">unavailable (expired)</th></tr>
  <tr><td data-testid="truth-expected">${g.expected}</td><td data-testid="truth-found">${g.found}</td><td data-testid="truth-missing">${g.missing}</td><td data-testid="truth-duplicated">${g.duplicated}</td><td data-testid="truth-unavailable">${g.unavailable ?? 0}</td></tr></table>
${data.problems.length > 0 ? `  <ul class="problems">${data.problems.map((p) => `<li class="error" data-testid="problem">${esc(p)}</li>`).join('')}</ul>
` : ''}</section>`;
}

function renderDayChart(days: ReportData['launchesPerDay']): string {
  if (days.length === 0) return '<p class="meta">no launches</p>';
  const width = 760;
  const height = 180;
  const max = Math.max(1, ...days.map((d) => d.launches));
  const bar = Math.max(4, Math.floor((width - 40) / days.length) - 4);
  const bars = days
    .map((d, i) => {
      const h = Math.round((d.launches / max) * (height - 40));
      const x = 30 + i * (bar + 4);
      return `<g><rect x="${x}" y="${height - 20 - h}" width="${bar}" height="${h}" class="bar"><title>${esc(d.day)}: ${d.launches}</title></rect>` +
        `<text x="${x + bar / 2}" y="${height - 5}" class="axis">${esc(d.day.slice(5))}</text>` +
        `<text x="${x + bar / 2}" y="${height - 24 - h}" class="num">${d.launches}</text></g>`;
    })
    .join('');
  return `<svg data-testid="chart-launches-per-day" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="launches per day">${bars}</svg>`;
}

function renderAppTable(apps: ReportData['launchesPerApp']): string {
  if (apps.length === 0) return '<p class="meta">no launches</p>';
  const max = Math.max(1, ...apps.map((a) => a.launches));
  const rows = apps
    .map(
      (a) =>
        `<tr data-testid="app-row"><td>${esc(a.app)}</td><td class="n">${a.launches}</td><td class="n">${a.uniqueUsers}</td><td class="barcell"><div class="hbar" style="width:${Math.round((a.launches / max) * 100)}%"></div></td></tr>`,
    )
    .join('\n');
  return `<table class="apps"><thead><tr><th>app</th><th>launches</th><th>unique users</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

function renderTimeline(runs: NonNullable<ReportData['timeline']>): string {
  if (runs.length === 0) return '<p class="meta">no runs</p>';
  const times = runs.flatMap((r) => [Date.parse(r.startTime), Date.parse(r.endTime)]).filter(Number.isFinite);
  const start = Math.min(...times);
  const end = Math.max(start + 1, ...times);
  const width = 760;
  const lanes = ['parent', 'child'];
  const height = 30 + lanes.length * 26;
  const x = (t: number) => 80 + ((t - start) / (end - start)) * (width - 100);
  const marks = runs
    .map((r) => {
      const lane = r.child ? 1 : 0;
      const x0 = x(Date.parse(r.startTime));
      const w = Math.max(2, x(Date.parse(r.endTime)) - x0);
      return `<rect x="${x0.toFixed(1)}" y="${10 + lane * 26}" width="${w.toFixed(1)}" height="18" class="st-${esc(r.status)}"><title>${esc(r.flow)} ${esc(r.status)} ${esc(r.startTime)}</title></rect>`;
    })
    .join('');
  const labels = lanes.map((l, i) => `<text x="4" y="${24 + i * 26}" class="lane">${l} runs</text>`).join('');
  return `<svg data-testid="timeline" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="timeline of runs">${labels}${marks}
<text x="80" y="${height - 2}" class="axis">${esc(new Date(start).toISOString())}</text><text x="${width - 20}" y="${height - 2}" class="axis end">${esc(new Date(end).toISOString())}</text></svg>`;
}

function renderFaults(faults: Record<string, number>): string {
  const entries = Object.entries(faults).filter(([, n]) => n > 0);
  if (entries.length === 0) return '';
  return `<section><h2>Faults met</h2><table>${entries.map(([k, n]) => `<tr><td>${esc(k)}</td><td class="n" data-testid="fault-${esc(k)}">${n}</td></tr>`).join('')}</table></section>`;
}

function renderRun(run: ReportRun): string {
  const figures = run.figures ? Object.entries(run.figures).map(([k, v]) => `${esc(k)} ${v}`).join(' · ') : '';
  return `<details class="run" data-testid="run" data-status="${esc(run.status)}">
<summary><span class="badge st-${esc(run.status)}">${esc(run.status)}</span> <b>${esc(run.flow)}</b> <span class="meta">${esc(run.startTime)} · ${duration(run.startTime, run.endTime)}${figures ? ` · ${figures}` : ''}</span></summary>
${run.error ? `<p class="error">${esc(run.error)}</p>` : ''}
${renderActions(run.actions)}
</details>`;
}

function renderActions(actions: ReportActionNode[]): string {
  if (actions.length === 0) return '';
  return `<ul class="tree">${actions.map(renderAction).join('')}</ul>`;
}

function renderAction(action: ReportActionNode): string {
  const detail: string[] = [];
  if (action.inputs !== undefined) detail.push(`<details><summary>inputs</summary><pre>${esc(json(action.inputs))}</pre></details>`);
  if (action.outputs !== undefined) detail.push(`<details><summary>outputs</summary><pre>${esc(json(action.outputs))}</pre></details>`);
  if (action.error !== undefined) detail.push(`<pre class="error">${esc(json(action.error))}</pre>`);
  const nested = action.children ? renderActions(action.children) : '';
  const iterations = action.iterations
    ? `<details><summary>${action.iterations.length} iteration${action.iterations.length === 1 ? '' : 's'}</summary>${action.iterations
        .map((it) => `<div class="iter"><span class="meta">#${it.index}</span>${renderActions(it.children)}</div>`)
        .join('')}</details>`
    : '';
  const ms = action.durationMs !== undefined ? `${action.durationMs} ms` : '';
  const retries = action.retries ? ` · ${action.retries} retr${action.retries === 1 ? 'y' : 'ies'}` : '';
  return `<li><span class="badge st-${esc(action.status)}">${esc(action.status)}</span> ${esc(action.name)} <span class="meta">${esc(action.type)} ${ms}${retries}</span>${detail.join('')}${nested}${iterations}</li>`;
}

function duration(start: string, end: string): string {
  const ms = Date.parse(end) - Date.parse(start);
  if (!Number.isFinite(ms)) return '';
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function formatValue(value: string | number): string {
  return typeof value === 'number' ? value.toLocaleString('en-US') : value;
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? 'undefined';
  } catch {
    return String(value);
  }
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0;color:#1b1b1b;background:#f6f7f9}
header{background:#0b5cad;color:#fff;padding:16px 24px}header h1{margin:0;font-size:20px}header .meta{color:#dbe8f7}
main{padding:16px 24px;max-width:1100px}section{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:12px 16px;margin:12px 0}
h2{font-size:16px;margin:0 0 8px}.meta{color:#5f6b7a;font-size:12px}
.cards{display:flex;flex-wrap:wrap;gap:10px;background:none;border:none;padding:0}.card{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:10px 14px;min-width:120px}
.card .value{font-size:22px;font-weight:600}.card .label{color:#5f6b7a;font-size:12px}
.truth.ok{border-left:5px solid #2da44e}.truth.bad{border-left:5px solid #cf222e}
table{border-collapse:collapse}td,th{padding:3px 10px;text-align:left;border-bottom:1px solid #eee}td.n{text-align:right;font-variant-numeric:tabular-nums}
.apps{width:100%}.barcell{width:40%}.hbar{height:10px;background:#0b5cad;border-radius:2px}
svg .bar{fill:#0b5cad}svg .axis{font-size:9px;text-anchor:middle;fill:#5f6b7a}svg .axis.end{text-anchor:end}svg .num{font-size:9px;text-anchor:middle}svg .lane{font-size:11px;fill:#5f6b7a}
.badge{display:inline-block;padding:0 6px;border-radius:10px;font-size:11px;color:#fff;background:#8c959f}
.st-Succeeded{background:#2da44e;fill:#2da44e}.st-Failed{background:#cf222e;fill:#cf222e}.st-Skipped{background:#8c959f;fill:#8c959f}.st-TimedOut{background:#bf8700;fill:#bf8700}.st-Cancelled{background:#6e7781;fill:#6e7781}
ul.tree{list-style:none;padding-left:18px;margin:4px 0}ul.tree li{margin:2px 0}pre{background:#f6f8fa;padding:6px;overflow:auto;max-height:300px;font-size:12px}
.error{color:#cf222e}.iter{border-left:2px solid #e1e4e8;padding-left:6px;margin:4px 0}details.run{border-bottom:1px solid #eee;padding:4px 0}
`;
