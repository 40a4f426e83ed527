export const USAGE = `ledgersim: simulators of the Sage GE, Cegid Quadra and Cegid Loop accounting APIs.

Usage:
  ledgersim start [--data DIR] [--seed N] [--port-base N] [--host HOST] [--now ISO] [--clock live|frozen]
                  [--verbose | --log text|json]
                  [--allowed-host NAME[:PORT] ...] [--admin-token TOKEN] [--tenant-ttl DURATION]
  ledgersim scenarios [--vendor V] [--json]
  ledgersim run [ID|GLOB|FILE ...] [--json] [--junit FILE] [--against URL ... [--run-seed N]]
  ledgersim reproduce "<message a customer saw>" [--explain] [--fec FILE] [--json] [--against URL ...]
  ledgersim check --data DIR
  ledgersim record --upstream URL --port N [--out FILE] [--host HOST]
                   [--redact-header H,...] [--redact-key K,...] [--redact-path P,...]
  ledgersim parity RECORDING (--vendor V | --against URL) [--seed N] [--known FILE]
                   [--secrets FILE] [--json]
  ledgersim --version

Commands:
  start      Serve the simulators with deterministic demo data (Sage GE on port-base + 1,
             Quadra + 2, Loop + 3), print their URLs and demo credentials; Ctrl-C stops them.
  scenarios  List the scenarios (id, vendor, title, catalogue ids); --vendor filters.
  run        Run scenarios (all, or by id, glob such as 'sage-ge/*', or scenario file) in-process,
             or against running simulators (--against each URL); print each timeline.
             Against a shared server each scenario gets its own tenant (scn-<id>-<6 letters>,
             drawn from --run-seed, default 1; an id another run holds is skipped) on its own
             time line: the server's clock and its other tenants are never moved.
             Exit 0 when all passed, 1 otherwise, 2 on bad usage.
  reproduce  Find the catalogue entry of what a customer pasted (the vendor's message in English
             or French with their values, a hub status name, a symptom, a whole e-mail), run its
             scenario with the customer's values, show the cause, the timeline, the documented
             remedy and the remedy at work; --explain adds a text to forward, in the customer's
             language; --fec FILE seeds the vendor state with the customer's FEC (accounts with
             labels, subsidiary accounts, journals, its fiscal year; Sage GE, Quadra or Loop;
             UTF-8 or ISO 8859-15; <SIREN>FEC<AAAAMMJJ> gives the closing date). Not sure: the
             candidates with what matched, and exit 2; a malformed FEC: its line and column, exit
             2, nothing runs.
  check      Verify a --data directory without starting (checksums, record sequence, log
             generations, state schema); change nothing. Exit 0 sound, 1 damaged (file, line,
             problem printed), 2 on bad usage.
  record     A recording proxy: point a connector at it instead of the vendor (or a sandbox);
             it forwards every request to --upstream and appends each exchange to FILE (JSON
             lines), credentials, tokens, client secrets, SAS signatures and passwords redacted.
  parity     Replay a recording, in its order, against a simulator (--vendor: built in-process
             from --seed's demo data, its clock following the recording; --against: a running
             one, reset to --seed when given) and report each difference: status, error code
             and message, fields present and their types. Known differences are read from
             RECORDING's .known.json, the simulator's credentials for the redacted ones from its
             .secrets.json. Exit 0 when no unexpected difference, 1 otherwise, 2 on bad usage.

Options for start:
  --data DIR       Persist state as JSON files in DIR (state survives a restart)
  --seed N         Seed of the demo data, ids and fault decisions (default 1)
  --port-base N    First port (default 4100; 0 picks free ports)
  --host HOST      Interface to bind (default 127.0.0.1)
  --now ISO        Start the virtual clock at this instant (default: the machine's date, or
                   where --data left it)
  --clock MODE     live (default): the virtual clock follows real time from where it starts;
                   frozen: it moves only through /__admin/clock or the dashboard
  --verbose        Print one line per request: method, path, status, duration, tenant and, for
                   a documented rejection, its catalogue id (no header, no body)
  --log FORMAT     text (as --verbose) or json (one JSON object per line)
  --allowed-host NAME[:PORT]
                   Accept this Host besides localhost, 127.0.0.1 and [::1] (a container or
                   proxy name; repeat or comma-separate); any other Host is refused (403)
  --admin-token TOKEN
                   Ask /__admin for Authorization: Bearer TOKEN and the dashboard for a login
                   (or set LEDGERSIM_ADMIN_TOKEN); without it, binding beyond loopback warns
  --tenant-ttl DURATION
                   On a shared server: remove the tenants nobody touched (a request or an admin
                   call naming them) for this long in real time, e.g. 2h; the demo's never
  -h, --help       Show this help
`;

/** A usage error: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
