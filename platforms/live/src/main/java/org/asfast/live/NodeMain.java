package org.asfast.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.asfast.nodes.Node;

/**
 * One server node in a JVM of its own: {@code NodeMain --node CLASS --run-root DIR --id N --port P --scratch DIR
 * --seed S --run-tag T --faults F [--parameter NAME=VALUE]...}. The node class needs a public no-argument
 * constructor.
 *
 * <p>It talks to its launcher in lines, on its standard input and output:
 * <pre>
 *   node → launcher   ready PORT                 socket bound (PORT is the one chosen when asked for 0)
 *   launcher → node   peers 0=HOST:PORT,1=...    the system's address table; the node starts
 *   node → launcher   started                    Node.start has run; the loop runs
 *   launcher → node   load                       asks for the node's counters
 *   node → launcher   load NAME=VALUE ...        {@link Load#toLine()}
 *   launcher → node   stop                       the node ends (exit 0)
 *   node → launcher   error MESSAGE              it could not start or a handler failed (exit 2, or 1 in a handler)
 * </pre>
 * End of input means the launcher is gone (killed, perhaps with kill -9): the node deletes the run's scratch
 * root and exits at once, so no node outlives its run. It also watches its parent process, in case its input
 * is held open by someone else.
 */
public final class NodeMain {
    /** A file the launcher puts in every run root: a node deletes a root only if it finds this there. */
    static final String ROOT_MARK = ".asfast-live-run";

    private NodeMain() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Map<String, String> options = new HashMap<>();
        Map<String, Double> parameters = new LinkedHashMap<>();
        LiveNode live;
        Path runRoot;
        try {
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new LiveException("option " + args[i] + " needs a value");
                }
                if (args[i].equals("--parameter")) {
                    String[] kv = args[i + 1].split("=", 2);
                    try {
                        parameters.put(kv[0], Double.parseDouble(kv[1]));
                    } catch (RuntimeException e) {
                        throw new LiveException("parameter '" + args[i + 1] + "' is not NAME=NUMBER");
                    }
                } else {
                    options.put(args[i], args[i + 1]);
                }
            }
            runRoot = Path.of(required(options, "--run-root"));
            watchParent(runRoot);
            NodeSetup setup = new NodeSetup(integer(options, "--id"), integer(options, "--port"), Path.of(required(options, "--scratch")),
                    parameters, Long.parseLong(required(options, "--seed")), integer(options, "--run-tag"), options.getOrDefault("--faults", ""));
            Node node = instantiate(required(options, "--node"));
            live = LiveNode.open(setup, node);
        } catch (LiveException | NumberFormatException e) {
            out.println("error " + oneLine(e.getMessage()));
            System.exit(2);
            return;
        }
        out.println("ready " + live.port());
        try {
            String peers = in.readLine();
            if (peers == null) {
                leave(runRoot);
            }
            if (!peers.startsWith("peers ")) {
                out.println("error expected the address table (peers ...), got: " + peers);
                System.exit(2);
            }
            live.connect(parsePeers(peers.substring(6)));
            try {
                live.start();
            } catch (RuntimeException e) {
                e.printStackTrace();
                out.println("error node " + live.self() + " (" + live.node().getClass().getName() + ") failed to start: " + oneLine(String.valueOf(e)));
                System.exit(2);
            }
            out.println("started");
            Thread control = new Thread(() -> control(in, out, live, runRoot), "node-control");
            control.setDaemon(true);
            control.start();
            live.run();
            live.close();
            System.exit(0);
        } catch (IOException e) {
            leave(runRoot);
        } catch (RuntimeException | Error e) {
            e.printStackTrace();
            out.println("error node " + live.self() + " failed in a handler: " + oneLine(String.valueOf(e)));
            System.exit(1);
        }
    }

    /** Reads the launcher's commands until it says stop or goes away. */
    private static void control(BufferedReader in, PrintStream out, LiveNode live, Path runRoot) {
        try {
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.strip()) {
                    case "load" -> live.post(() -> out.println("load " + live.load().toLine()));
                    case "stop" -> {
                        live.stop();
                        return;
                    }
                    default -> out.println("error unknown command: " + line);
                }
            }
        } catch (IOException e) {
            // the pipe broke: the launcher is gone
        }
        leave(runRoot);
    }

    /** If the launcher's JVM ends without stopping this node (kill -9), end too. */
    private static void watchParent(Path runRoot) {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> leave(runRoot)));
    }

    /** The launcher is gone: nobody will clean up the run, so delete its scratch root, then exit at once. */
    private static void leave(Path runRoot) {
        if (Files.exists(runRoot.resolve(ROOT_MARK))) {
            Scratch.deleteQuietly(runRoot);
        }
        Runtime.getRuntime().halt(0);
    }

    static Map<Integer, InetSocketAddress> parsePeers(String table) {
        Map<Integer, InetSocketAddress> peers = new HashMap<>();
        for (String entry : table.strip().split(",")) {
            String[] idAddress = entry.split("=", 2);
            int colon = idAddress[1].lastIndexOf(':');
            try {
                peers.put(Integer.parseInt(idAddress[0]), new InetSocketAddress(InetAddress.getByName(idAddress[1].substring(0, colon)),
                        Integer.parseInt(idAddress[1].substring(colon + 1))));
            } catch (IOException e) {
                throw new LiveException("cannot resolve node address " + entry + ": " + e.getMessage());
            }
        }
        return peers;
    }

    static String formatPeers(Map<Integer, InetSocketAddress> peers) {
        StringBuilder s = new StringBuilder();
        peers.forEach((id, address) -> s.append(s.isEmpty() ? "" : ",").append(id).append('=')
                .append(address.getAddress().getHostAddress()).append(':').append(address.getPort()));
        return s.toString();
    }

    private static Node instantiate(String className) {
        try {
            Class<?> type = Class.forName(className);
            if (!Node.class.isAssignableFrom(type)) {
                throw new LiveException("node class " + className + " does not implement org.asfast.nodes.Node");
            }
            return (Node) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new LiveException("no node class " + className + " on the class path; check the system's node class names");
        } catch (NoSuchMethodException e) {
            throw new LiveException("node class " + className + " needs a public no-argument constructor to run live");
        } catch (InvocationTargetException e) {
            throw new LiveException("node class " + className + " failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new LiveException("cannot create node class " + className + ": " + e);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new LiveException("NodeMain needs " + name);
        }
        return value;
    }

    private static int integer(Map<String, String> options, String name) {
        try {
            return Integer.parseInt(required(options, name));
        } catch (NumberFormatException e) {
            throw new LiveException(name + " must be a whole number, not " + options.get(name));
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
