import type { CatalogueEntry } from '../contracts/catalogue/schema.js';
import type { ScenarioResult, TimelineItem } from '../scenarios/runner.js';

/** Colours only on a terminal (and never with NO_COLOR). */
export function palette(enabled: boolean) {
  const wrap = (code: number) => (text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { green: wrap(32), red: wrap(31), yellow: wrap(33), dim: wrap(2), bold: wrap(1), cyan: wrap(36) };
}
export type Palette = ReturnType<typeof palette>;

function describeStep(item: TimelineItem): string {
  if (!item.step)
    return item.phase === 'given'
      ? 'given: the vendor state is in place'
      : item.phase === 'expect'
        ? 'expect'
        : 'expect (after the remedy)';
  const { do: verb, ...rest } = item.step;
  const args = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
  return `${verb}${args.length > 120 ? `${args.slice(0, 117)}...` : args}`;
}

/** A scenario's timeline: each step, the requests and answers it caused, the hub statuses, the virtual time. */
export function renderTimeline(items: readonly TimelineItem[], c: Palette): string[] {
  const lines: string[] = [];
  let statuses = '';
  for (const item of items) {
    const time = item.at.slice(0, 16).replace('T', ' ');
    const head = `${c.dim(time)}  ${item.phase === 'remedy' ? c.cyan('remedy ') : ''}${describeStep(item)}`;
    lines.push(item.error ? `${head}  ${c.red(`✗ ${item.error}`)}` : head);
    for (const r of item.requests) {
      const status = r.status >= 400 ? c.red(String(r.status)) : c.green(String(r.status));
      lines.push(
        `                    ${r.method.padEnd(6)} ${r.path} → ${status}${r.status >= 400 && r.responseBody ? c.dim(`  ${r.responseBody.slice(0, 160)}`) : ''}`,
      );
    }
    const now = JSON.stringify(item.statuses);
    if (now !== statuses && Object.keys(item.statuses).length) {
      for (const [id, status] of Object.entries(item.statuses)) {
        const colour = status.startsWith('posted')
          ? c.green
          : status.startsWith('sync-failed') || status.startsWith('failed-check')
            ? c.red
            : c.yellow;
        lines.push(`                    ${c.bold(id)}: ${colour(status)}`);
      }
      statuses = now;
    }
    for (const check of item.checks ?? [])
      lines.push(`                    ${check.ok ? c.green('✓') : c.red('✗')} ${check.description}`);
  }
  return lines;
}

export function renderResult(result: ScenarioResult, c: Palette): string[] {
  const mark = result.status === 'passed' ? c.green('✓ passed') : c.red('✗ failed');
  const lines = [
    `${c.bold(result.id)}  ${mark}  ${c.dim(`${result.title} [${result.covers.join(', ')}] ${result.durationMs} ms`)}`,
  ];
  lines.push(...renderTimeline(result.timeline, c).map((l) => `  ${l}`));
  for (const failure of result.failures) lines.push(`  ${c.red(failure)}`);
  return lines;
}

export function renderEntry(entry: CatalogueEntry, c: Palette): string[] {
  return [
    `${c.bold(entry.id)} (${entry.vendor}${entry.errorNumber ? `, error ${entry.errorNumber}` : ''}): ${entry.title}`,
    ...entry.messages.map(
      (m) => `  message: "${m.en}"${m.fr ? ` / "${m.fr}"` : ''}${m.documented ? '' : c.dim(" (simulator's wording)")}`,
    ),
    `  cause: ${entry.cause}`,
  ];
}

export function renderRemedy(entry: CatalogueEntry, c: Palette): string[] {
  if (entry.remedy.length === 0) return [`${c.bold('Remedy')}: nothing to do.`];
  return [`${c.bold('Remedy')} (documented):`, ...entry.remedy.map((step, i) => `  ${i + 1}. ${step}`)];
}

/** JUnit XML, one testcase per scenario. */
export function junit(results: readonly ScenarioResult[]): string {
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const failed = results.filter((r) => r.status === 'failed').length;
  const cases = results.map((r) => {
    const body =
      r.status === 'failed'
        ? `<failure message="${esc(r.failures[0] ?? 'failed')}">${esc(r.failures.join('\n'))}</failure>`
        : '';
    return `    <testcase classname="ledgersim.${esc(r.vendor)}" name="${esc(r.id)}" time="${(r.durationMs / 1000).toFixed(3)}">${body}</testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n  <testsuite name="ledgersim scenarios" tests="${results.length}" failures="${failed}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
