/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { CatalogueEntry, MessageMatch } from '../../contracts/catalogue/index.js';
import type { Scenario } from '../../contracts/scenario/schema.js';
import type { ScenarioResult, TimelineItem } from '../../scenarios/runner.js';
import { AnswerCell, Badge, Empty, RequestCell, Table, when } from '../layout.js';

/** The scenarios page, a run's timeline drawn step by step, and the reproduce page. */

const PHASES: Record<TimelineItem['phase'], string> = {
  given: 'given',
  steps: 'step',
  expect: 'expect',
  remedy: 'remedy',
  'remedy-expect': 'expect after the remedy',
};

function describeStep(item: TimelineItem): { verb: string; args?: string } {
  if (!item.step)
    return { verb: item.phase === 'given' ? 'the vendor state is in place' : 'the expectations are checked' };
  const { do: verb, ...rest } = item.step;
  return Object.keys(rest).length ? { verb, args: JSON.stringify(rest) } : { verb };
}

const statusKind = (status: string) =>
  status.startsWith('posted')
    ? 'ok'
    : status.startsWith('sync-failed') || status.startsWith('failed-check')
      ? 'bad'
      : 'warn';

/** Each step: the virtual time, what was done, the requests and the vendor's answers, the hub statuses, the checks. */
export const Timeline: FC<{ items: readonly TimelineItem[] }> = ({ items }) => (
  <ol class="timeline" data-testid="timeline">
    {items.map((item) => {
      const step = describeStep(item);
      const failed = Boolean(item.error) || (item.checks ?? []).some((c) => !c.ok);
      return (
        <li class={`${item.phase}${failed ? ' failed' : ''}`} data-phase={item.phase}>
          <span class="when">{when(item.at)}</span>
          <Badge kind={item.phase.startsWith('remedy') ? 'ok' : 'muted'}>{PHASES[item.phase]}</Badge>{' '}
          <strong>{step.verb}</strong>{' '}
          {step.args ? <code>{step.args.length > 300 ? `${step.args.slice(0, 297)}...` : step.args}</code> : null}
          {item.error ? <div class="flash error">{`✗ ${item.error}`}</div> : null}
          {item.requests.length ? (
            <Table
              rows={item.requests}
              columns={[
                { head: 'request', cell: (r) => <RequestCell line={`${r.method} ${r.path}`} body={r.requestBody} /> },
                {
                  head: 'answer',
                  cell: (r) => <AnswerCell status={r.status} body={r.responseBody} open={r.status >= 400} />,
                },
              ]}
            />
          ) : null}
          {Object.keys(item.statuses).length ? (
            <div data-testid="hub-statuses">
              hub:{' '}
              {Object.entries(item.statuses).map(([id, status]) => (
                <Badge kind={statusKind(status)}>{`${id}: ${status}`}</Badge>
              ))}
            </div>
          ) : null}
          {(item.checks ?? []).map((c) => (
            <div>
              <Badge kind={c.ok ? 'ok' : 'bad'}>{c.ok ? '✓' : '✗'}</Badge> {c.description}
            </div>
          ))}
        </li>
      );
    })}
  </ol>
);

export const ResultView: FC<{ result: ScenarioResult }> = ({ result }) => (
  <div data-testid="result">
    <p>
      <Badge kind={result.status === 'passed' ? 'ok' : 'bad'}>{result.status}</Badge> <code>{result.id}</code>{' '}
      {result.title}{' '}
      <span class="muted">{`(${result.vendor}, covers ${result.covers.join(', ')}, ${result.mode}, ${result.durationMs} ms)`}</span>
    </p>
    {result.failures.map((f) => (
      <pre class="flash error">{f}</pre>
    ))}
    <Timeline items={result.timeline} />
  </div>
);

export const ReproduceBox: FC<{ message?: string }> = ({ message }) => (
  <form method="get" action="/reproduce" class="card" data-testid="reproduce-form">
    <label for="message">
      <strong>Paste the customer's message</strong>{' '}
      <span class="muted">(any language the catalogue has, other numbers and names are fine)</span>
    </label>
    <textarea id="message" name="message" class="message" required>
      {message ?? ''}
    </textarea>
    <div class="run">
      <button type="submit">Reproduce</button>
    </div>
  </form>
);

/** The same box with the customer's FEC: the reproduction runs on their chart of accounts, journals and fiscal year. */
export const ReproduceWithFecBox: FC<{ message?: string }> = ({ message }) => (
  <form method="post" action="/reproduce" enctype="multipart/form-data" class="card" data-testid="reproduce-fec-form">
    <label for="fec-message">
      <strong>With the customer's FEC</strong>{' '}
      <span class="muted">
        (tab or pipe separated; the reproduction, Sage GE, Quadra or Loop, is seeded with its accounts, subsidiary
        accounts, journals and fiscal year)
      </span>
    </label>
    <textarea id="fec-message" name="message" class="message" required>
      {message ?? ''}
    </textarea>
    <input type="file" name="fec" accept=".txt,.csv,text/plain" required />
    <div class="run">
      <button type="submit">Reproduce with the FEC</button>
    </div>
  </form>
);

export const ScenarioList: FC<{ scenarios: readonly Scenario[]; back: string }> = ({ scenarios, back }) => {
  const vendors = [...new Set(scenarios.map((s) => s.vendor))];
  return (
    <div>
      {vendors.map((vendor) => (
        <>
          <h2>{vendor}</h2>
          <Table
            rows={scenarios.filter((s) => s.vendor === vendor)}
            rowAttrs={(s) => ({ 'data-scenario': s.id })}
            columns={[
              { head: 'scenario', cell: (s) => <code>{s.id}</code> },
              { head: 'title', cell: (s) => s.title },
              { head: 'covers', cell: (s) => s.covers.map((c) => <Badge>{c}</Badge>) },
              {
                head: '',
                class: 'run',
                cell: (s) => (
                  <form method="post" action="/scenarios/run">
                    <input type="hidden" name="id" value={s.id} />
                    <input type="hidden" name="_back" value={back} />
                    <button type="submit">Run</button>
                  </form>
                ),
              },
            ]}
          />
        </>
      ))}
    </div>
  );
};

export const CatalogueEntryView: FC<{ entry: CatalogueEntry; match?: MessageMatch }> = ({ entry, match }) => (
  <div class="card" data-testid="catalogue-entry">
    <h2>
      <code>{entry.id}</code> {entry.title}
    </h2>
    <p>
      <Badge>{entry.vendor}</Badge>
      <Badge>{entry.kind}</Badge>
      {entry.errorNumber ? <Badge>{`error ${entry.errorNumber}`}</Badge> : null}
      {entry.wire ? <Badge>{`wire ${entry.wire.status} ${entry.wire.code}`}</Badge> : null}
      {match ? (
        <Badge
          kind={match.confidence >= 0.95 ? 'ok' : 'warn'}
        >{`${match.via === 'message' ? 'message' : match.via === 'status' ? 'status name' : 'symptom'} matched (${match.lang}), confidence ${Math.round(match.confidence * 100)}%`}</Badge>
      ) : null}
    </p>
    {entry.messages.map((m) => (
      <p>
        message: <q>{m.en}</q>
        {m.fr ? (
          <>
            {' '}
            / <q lang="fr">{m.fr}</q>
          </>
        ) : null}{' '}
        {m.documented ? null : <span class="muted">(simulator's wording)</span>}
      </p>
    ))}
    {match ? <p class="muted" data-testid="evidence">{`matched: ${match.evidence.join(' ')}`}</p> : null}
    {match && Object.keys(match.params).length ? (
      <p>
        read from the message:{' '}
        {Object.entries(match.params).map(([k, v]) => (
          <Badge>{`${k} = ${v}`}</Badge>
        ))}
      </p>
    ) : null}
    <h3>Cause</h3>
    <p data-testid="cause">{entry.cause}</p>
    <h3>Remedy</h3>
    <div data-testid="remedy">
      {entry.remedy.length ? (
        <ol>
          {entry.remedy.map((step) => (
            <li>{step}</li>
          ))}
        </ol>
      ) : (
        <Empty>Nothing to do.</Empty>
      )}
    </div>
  </div>
);
