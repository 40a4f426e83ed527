/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { FC } from 'hono/jsx';
import type { JournalRecord } from '../../simulators/kit/journal.js';
import { AnswerCell, Badge, paginate, Pager, RequestCell, Table, when } from '../layout.js';
import type { DashboardSimulator } from './types.js';

/** The request journal of every simulator, newest first, filterable; each request and answer readable. */

export interface JournalQuery {
  sim?: string;
  method?: string;
  path?: string;
  status?: string;
  tenant?: string;
  page?: string;
}

export type TaggedRecord = JournalRecord & { sim: string };

/** Every simulator's journal merged by virtual time (then arrival), newest first. */
export function journalRecords(simulators: readonly DashboardSimulator[], query: JournalQuery): TaggedRecord[] {
  const status = query.status && /^\d{3}$/.test(query.status) ? Number(query.status) : undefined;
  const out: TaggedRecord[] = [];
  for (const s of simulators) {
    if (query.sim && s.name !== query.sim) continue;
    const records = s.simulator.journal.list({
      method: query.method || undefined,
      path: query.path || undefined,
      status,
      tenantId: query.tenant || undefined,
    });
    for (const r of records) out.push({ ...r, sim: s.name });
  }
  return out.sort((a, b) => (a.at === b.at ? (a.sim === b.sim ? b.seq - a.seq : 0) : a.at < b.at ? 1 : -1));
}

const clean = (query: JournalQuery): Record<string, string> =>
  Object.fromEntries(
    Object.entries(query).filter(([k, v]) => k !== 'page' && typeof v === 'string' && v !== ''),
  ) as Record<string, string>;

export const JournalView: FC<{ simulators: readonly DashboardSimulator[]; query: JournalQuery; pageSize: number }> = ({
  simulators,
  query,
  pageSize,
}) => {
  const page = paginate(journalRecords(simulators, query), query.page, pageSize);
  return (
    <div>
      <form method="get" action="/requests" class="filters" data-testid="journal-filters">
        <label>
          simulator
          <select name="sim">
            <option value="">all</option>
            {simulators.map((s) => (
              <option value={s.name} selected={s.name === query.sim}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          method
          <select name="method">
            <option value="">any</option>
            {['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].map((m) => (
              <option value={m} selected={m === query.method}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          path contains
          <input type="text" name="path" value={query.path ?? ''} />
        </label>
        <label>
          status
          <input type="text" name="status" value={query.status ?? ''} size={4} inputmode="numeric" />
        </label>
        <label>
          tenant
          <input type="text" name="tenant" value={query.tenant ?? ''} />
        </label>
        <button type="submit">Filter</button>
        <a href="/requests">clear</a>
      </form>
      <Pager page={page} path="/requests" query={clean(query)} noun="requests" />
      <Table
        testid="journal"
        rows={page.items}
        empty="No requests match."
        columns={[
          {
            head: 'virtual time',
            cell: (r) => (
              <>
                {when(r.at)}
                <div class="muted">#{r.seq}</div>
              </>
            ),
          },
          {
            head: 'simulator',
            cell: (r) => (
              <>
                {r.sim}
                {r.tenantId ? <div class="muted">{r.tenantId}</div> : null}
              </>
            ),
          },
          {
            head: 'request',
            cell: (r) => (
              <RequestCell line={`${r.method} ${r.path}${r.query}`} body={r.requestBody}>
                {r.fault ? <Badge kind="warn">{`fault ${r.fault}`}</Badge> : null}
              </RequestCell>
            ),
          },
          { head: 'answer', cell: (r) => <AnswerCell status={r.status} body={r.responseBody} /> },
        ]}
      />
    </div>
  );
};
