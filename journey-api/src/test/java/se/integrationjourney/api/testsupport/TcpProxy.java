package se.integrationjourney.api.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A TCP proxy on loopback between the service and PostgreSQL, so that a test can cut the service's connections the
 * way a network or a database failure would, without touching the shared database server. Each connection is two
 * pumps; a {@link Fault} looks at each chunk the client sends and passes it on, or cuts the connection before or after
 * passing it on. While {@linkplain #refuse refusing}, new connections are closed at once.
 */
public final class TcpProxy implements AutoCloseable {

    /** What to do with a chunk the client sent on a connection. */
    public enum Action {
        PASS,
        CUT_BEFORE,
        CUT_AFTER
    }

    /** Decides per chunk; gets the connection (as a key for a fault's own state) and the chunk as lower-case text. */
    @FunctionalInterface
    public interface Fault extends BiFunction<Connection, String, Action> {}

    private static final Fault NONE = (connection, chunk) -> Action.PASS;

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private volatile Fault fault = NONE;
    private volatile boolean refusing;
    private volatile boolean closed;

    public TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread acceptor = new Thread(this::accept, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on, every chunk a client sends is put to {@code fault}. */
    public void fault(Fault fault) {
        this.fault = fault == null ? NONE : fault;
    }

    /**
     * New connections are closed as soon as they are made (true), or served again (false). Refusing cuts every open
     * connection too, at once with the refusal: no connection being made meanwhile slips through.
     */
    public synchronized void refuse(boolean refusing) {
        this.refusing = refusing;
        if (refusing) {
            cutAll();
        }
    }

    /** Cuts every open connection. */
    public synchronized void cutAll() {
        List.copyOf(connections).forEach(Connection::cut);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        cutAll();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket upstream = new Socket(targetHost, targetPort);
                Connection connection = new Connection(client, upstream);
                synchronized (this) {
                    if (refusing) {
                        closeQuietly(client);
                        closeQuietly(upstream);
                        continue;
                    }
                    connections.add(connection);
                }
                connection.start();
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /** One proxied connection. */
    public final class Connection {
        private final Socket client;
        private final Socket upstream;

        Connection(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        void start() {
            Thread up = new Thread(() -> pump(true), "tcp-proxy-up");
            Thread down = new Thread(() -> pump(false), "tcp-proxy-down");
            up.setDaemon(true);
            down.setDaemon(true);
            up.start();
            down.start();
        }

        private void pump(boolean fromClient) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = (fromClient ? client : upstream).getInputStream();
                    OutputStream out = (fromClient ? upstream : client).getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (fromClient) {
                        String chunk = new String(buffer, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                        Action action = fault.apply(this, chunk);
                        if (action == Action.CUT_BEFORE) {
                            cut();
                            return;
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                        if (action == Action.CUT_AFTER) {
                            cut();
                            return;
                        }
                    } else {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side went away: the other goes too
            } finally {
                cut();
            }
        }

        /**
         * Closes the client's side at once; the database's side only after a moment's grace, so that what was already
         * passed on (a commit) reaches the server before it sees the connection end. The answer never comes back.
         */
        void cut() {
            connections.remove(this);
            closeQuietly(client);
            Thread closer = new Thread(
                    () -> {
                        try {
                            upstream.shutdownOutput();
                            upstream.getInputStream().transferTo(OutputStream.nullOutputStream());
                        } catch (IOException ignored) {
                            // already gone
                        } finally {
                            closeQuietly(upstream);
                        }
                    },
                    "tcp-proxy-close");
            closer.setDaemon(true);
            closer.start();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that is already gone
        }
    }
}
