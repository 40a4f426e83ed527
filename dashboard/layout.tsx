/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Child, FC, PropsWithChildren } from 'hono/jsx';

/**
 * The page frame, the few shared components (badges, pager, JSON blocks) and the inline style.
 * Everything is rendered on the server by hono/jsx, which escapes every string it is given: no
 * client-side script, no CDN, nothing fetched but the page itself.
 */

const CSS = `
*{box-sizing:border-box}
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1c2430;background:#f6f7f9}
header{background:#1c2430;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
header a{color:#fff;text-decoration:none;margin-right:.8rem}
header a.active{text-decoration:underline}
header .clock{margin-left:auto;display:flex;gap:.3rem;align-items:center;flex-wrap:wrap}
header .clock form{display:inline}
header .clock button{background:#3a4a60;color:#fff;border:1px solid #56667d;border-radius:3px;padding:.15rem .45rem;cursor:pointer}
main{padding:1rem;max-width:1600px}
h1{font-size:1.35rem;margin:.2rem 0 .8rem}
h2{font-size:1.1rem;margin:1.4rem 0 .5rem;border-bottom:1px solid #d5dae1;padding-bottom:.2rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
table{border-collapse:collapse;background:#fff;margin:.3rem 0 .8rem;width:100%}
th,td{border:1px solid #dde2e8;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#eef1f5;font-weight:600}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
pre{background:#fff;border:1px solid #dde2e8;padding:.4rem;margin:.2rem 0;max-height:22rem;overflow:auto;white-space:pre-wrap;word-break:break-word}
.badge{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:12px;margin:0 .15rem .1rem 0;white-space:nowrap}
.ok{background:#d9f2df;color:#145a26}
.bad{background:#fbdcdc;color:#8a1414}
.warn{background:#fdf0c8;color:#6b4d00}
.muted{color:#6a7482}
.flash{padding:.5rem .8rem;border-radius:4px;margin-bottom:.8rem}
.flash.error{background:#fbdcdc;border:1px solid #e8a0a0}
.flash.info{background:#d9f2df;border:1px solid #93d0a2}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-start}
.action{background:#fff;border:1px solid #dde2e8;border-radius:4px;padding:.4rem .5rem;max-width:30rem}
.action p{margin:.1rem 0 .3rem;font-size:12px;color:#4b5563}
.action label{display:block;font-size:12px;margin:.15rem 0}
.action input,.action select,.action textarea{font:inherit;font-size:13px;padding:.1rem .25rem;max-width:100%}
button{font:inherit;cursor:pointer}
.action button,.run button{background:#245fa8;color:#fff;border:0;border-radius:3px;padding:.2rem .6rem}
.pager{margin:.3rem 0}
.pager a,.pager span{margin-right:.5rem}
.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:.3rem 0 .6rem}
.filters label{font-size:12px;display:flex;flex-direction:column}
.timeline{list-style:none;padding:0;margin:0}
.timeline>li{background:#fff;border:1px solid #dde2e8;border-left:4px solid #245fa8;margin:.4rem 0;padding:.4rem .6rem}
.timeline>li.failed{border-left-color:#c62828}
.timeline>li.remedy,.timeline>li.remedy-expect{border-left-color:#2e7d32}
.timeline .when{font-family:ui-monospace,monospace;color:#4b5563;margin-right:.6rem}
.grid{display:flex;flex-direction:column;gap:.8rem}
.card{background:#fff;border:1px solid #dde2e8;border-radius:4px;padding:.5rem .7rem;overflow-x:auto}
textarea.message{width:100%;min-height:4rem}
details>summary{cursor:pointer}
`;

export interface Flash {
  kind: 'info' | 'error';
  text: string;
}

export interface LayoutProps {
  title: string;
  /** The virtual time, shown with the clock buttons on every page. */
  now: string;
  /** The page's own path and query, where the clock buttons come back to. */
  here: string;
  active?: string;
  nav: { href: string; label: string; key: string }[];
  flash?: Flash | undefined;
}

/** `2026-03-16T09:00:00.000Z` → `2026-03-16 09:00 UTC`. */
export const when = (iso: string | null | undefined): string =>
  iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—';

export const Layout: FC<PropsWithChildren<LayoutProps>> = ({ title, now, here, active, nav, flash, children }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} · ledgersim`}</title>
      {/* No favicon request: an empty data URL. */}
      <link rel="icon" href="data:," />
      <style dangerouslySetInnerHTML={{ __html: CSS }} />
    </head>
    <body>
      <header>
        <strong>ledgersim</strong>
        <nav>
          {nav.map((item) => (
            <a href={item.href} class={item.key === active ? 'active' : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
        <div class="clock" data-testid="clock">
          <span>
            virtual clock <strong data-testid="now">{when(now)}</strong>
          </span>
          {(
            [
              ['1h', 'advance 1 hour'],
              ['12h', '12 hours'],
              ['next-night', 'to next night'],
              ['1w', '1 week'],
            ] as const
          ).map(([advance, label]) => (
            <form method="post" action="/clock">
              <input type="hidden" name="advance" value={advance} />
              <input type="hidden" name="_back" value={here} />
              <button type="submit">{label}</button>
            </form>
          ))}
        </div>
      </header>
      <main>
        {flash ? (
          <div class={`flash ${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'} data-testid="flash">
            {flash.text}
          </div>
        ) : null}
        <h1>{title}</h1>
        {children}
      </main>
    </body>
  </html>
);

export const Badge: FC<PropsWithChildren<{ kind?: 'ok' | 'bad' | 'warn' | 'muted'; title?: string }>> = ({
  kind,
  title,
  children,
}) => (
  <span class={`badge ${kind ?? ''}`} title={title}>
    {children}
  </span>
);

/** A yes/no state where one side causes rejections. */
export const Flag: FC<{ good: boolean; yes: string; no: string }> = ({ good, yes, no }) => (
  <Badge kind={good ? 'ok' : 'bad'}>{good ? yes : no}</Badge>
);

export interface Page<T> {
  items: T[];
  page: number;
  pages: number;
  total: number;
}

/** One page of a list (1-based); a page past the end shows the last one. */
export function paginate<T>(all: readonly T[], pageParam: string | undefined, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const asked = Number.parseInt(pageParam ?? '1', 10);
  const page = Number.isFinite(asked) ? Math.min(Math.max(asked, 1), pages) : 1;
  return { items: all.slice((page - 1) * size, page * size), page, pages, total: all.length };
}

/** Links to the previous and next pages, keeping the other query parameters. */
export const Pager: FC<{
  page: Page<unknown>;
  path: string;
  query: Record<string, string>;
  param?: string;
  noun?: string;
}> = ({ page, path, query, param = 'page', noun = 'items' }) => {
  const link = (n: number) => `${path}?${new URLSearchParams({ ...query, [param]: String(n) }).toString()}`;
  return (
    <div class="pager" data-testid="pager">
      <span>
        {page.total} {noun}, page {page.page} of {page.pages}
      </span>
      {page.page > 1 ? <a href={link(1)}>« first</a> : null}
      {page.page > 1 ? <a href={link(page.page - 1)}>‹ previous</a> : null}
      {page.page < page.pages ? <a href={link(page.page + 1)}>next ›</a> : null}
      {page.page < page.pages ? <a href={link(page.pages)}>last »</a> : null}
    </div>
  );
};

/** A body as the journal keeps it: pretty JSON when it parses, else the text. */
export function pretty(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export const Json: FC<{ value: unknown }> = ({ value }) => <pre>{JSON.stringify(value, null, 2)}</pre>;

export const Status: FC<{ status: number }> = ({ status }) => (
  <Badge kind={status >= 400 ? 'bad' : status >= 300 ? 'warn' : 'ok'}>{String(status)}</Badge>
);

export const Empty: FC<{ children?: Child }> = ({ children }) => <p class="muted">{children ?? 'None.'}</p>;

/** One column of a `Table`: its heading and what each row shows in it. */
export interface Column<T> {
  head: string;
  cell(row: T): Child;
  /** The cell's class, when it needs one. */
  class?: string;
}

export interface TableProps<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  /** Attributes of each row's `<tr>` (`data-entry` and the like). */
  rowAttrs?: (row: T) => Record<string, string>;
  /** Shown instead of the table when there are no rows; without it an empty table is drawn. */
  empty?: string;
  testid?: string;
}

/** A table with a heading row and a row per item. */
export function Table<T>({ columns, rows, rowAttrs, empty, testid }: TableProps<T>) {
  if (!rows.length && empty !== undefined) return <Empty>{empty}</Empty>;
  return (
    <table data-testid={testid}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th>{c.head}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr {...rowAttrs?.(row)}>
            {columns.map((c) => (
              <td class={c.class}>{c.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A request or answer body, folded, when there is one. */
export const Body: FC<{ summary: string; text: string | undefined; open?: boolean }> = ({ summary, text, open }) =>
  text ? (
    <details open={open ? true : undefined}>
      <summary>{summary}</summary>
      <pre>{pretty(text)}</pre>
    </details>
  ) : null;

/** A request as the journal and the timelines show it: its line, then its body. */
export const RequestCell: FC<{ line: string; body: string | undefined; children?: Child }> = ({
  line,
  body,
  children,
}) => (
  <>
    <code>{line}</code>
    {children}
    <Body summary="request body" text={body} />
  </>
);

/** The vendor's answer: its status, then its body (unfolded with `open`). */
export const AnswerCell: FC<{ status: number; body: string | undefined; open?: boolean }> = ({
  status,
  body,
  open,
}) => (
  <>
    <Status status={status} />
    <Body summary="answer body" text={body} open={open} />
  </>
);
