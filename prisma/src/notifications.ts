// LISTEN on one channel of a PostgreSQL server, over a connection of its own, for as long as the
// process runs: how one API process learns at once of a change another committed (a NOTIFY
// sent inside a transaction is delivered when, and only if, it commits). The connection is
// reopened after a failure; `onLive(false)` tells the listener's owner that notifications may
// be missed until `onLive(true)` says they arrive again.
import pg from 'pg';

export interface ChannelHandlers {
  onNotification(payload: string): void;
  onLive(live: boolean): void;
}

export interface ChannelListener {
  stop(): Promise<void>;
}

const reconnectDelayMs = 1_000;

/** Channel names are identifiers: the ones this project uses are fixed lower-case words. */
function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
}

export function listenTo(url: string, channel: string, handlers: ChannelHandlers): ChannelListener {
  assertChannelName(channel);
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;

  const lost = (failed: pg.Client) => {
    if (client !== failed) return;
    client = undefined;
    handlers.onLive(false);
    failed.end().catch(() => {});
    if (!stopped) retry = setTimeout(connect, reconnectDelayMs).unref();
  };

  async function connect(): Promise<void> {
    const connecting = new pg.Client({ connectionString: url, application_name: `tepei listen ${channel}` });
    client = connecting;
    connecting.on('error', () => lost(connecting));
    connecting.on('end', () => lost(connecting));
    connecting.on('notification', (message) => {
      if (message.channel === channel) handlers.onNotification(message.payload ?? '');
    });
    try {
      await connecting.connect();
      await connecting.query(`LISTEN ${channel}`);
      if (client === connecting && !stopped) handlers.onLive(true);
    } catch {
      lost(connecting);
    }
  }

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = client;
      client = undefined;
      handlers.onLive(false);
      await current?.end().catch(() => {});
    },
  };
}
