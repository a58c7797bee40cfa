package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.passerelle.erp.avantage.codec.FrameCipher;
import io.passerelle.sandbox.kit.SimulatorJson;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * An in-process Avantage MainTCP server (see {@code erp/avantage-maintcp.md}): a real TCP listener on
 * 127.0.0.1 that a real client connector talks to, serving {@link AvantageDataset}, with test hooks to
 * change data and to misbehave ({@link #faults()}).
 *
 * <pre>{@code
 * try (AvantageSimulator sim = new AvantageSimulator(AvantageSimulatorProperties.defaults()).start()) {
 *     connect to sim.host() : sim.port() ...
 * }
 * }</pre>
 */
public final class AvantageSimulator implements AutoCloseable {

    public static final String VERSION = "7.40";
    public static final String HOST = "127.0.0.1";

    private final AvantageSimulatorProperties properties;
    private final AvantageDataset dataset;
    private final Faults faults = new Faults();
    private final SimulatorCounters counters = new SimulatorCounters();
    private final TokenRegistry tokens;
    private final FrameCipher cipher;
    private final ObjectMapper json;
    private final RequestDispatcher dispatcher;

    private EventLoopGroup acceptGroup;
    private EventLoopGroup ioGroup;
    private ExecutorService workers;
    private ChannelGroup connections;
    private Channel serverChannel;
    private volatile int boundPort = -1;

    public AvantageSimulator(AvantageSimulatorProperties properties) {
        this(properties, new AvantageDataset(properties.seed(), properties.sizes()));
    }

    /** With a dataset built elsewhere, e.g. one already grown to benchmark size. */
    public AvantageSimulator(AvantageSimulatorProperties properties, AvantageDataset dataset) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.cipher = properties.encrypted() ? FrameCipher.fromBase64Key(properties.encryptionKey()) : null;
        this.tokens = new TokenRegistry(properties.tokenTtl(), Clock.systemUTC());
        this.json = protocolJson();
        this.dispatcher = new RequestDispatcher(dataset, tokens, faults, counters, properties.user(),
                properties.password(), json, Clock.systemUTC());
    }

    /** How the simulator reads and writes requests: the kit's strict mapper, and a key given twice is refused too. */
    static ObjectMapper protocolJson() {
        return SimulatorJson.strictBuilder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** Binds and starts accepting. Returns this, for {@code new AvantageSimulator(p).start()}. */
    public synchronized AvantageSimulator start() {
        if (serverChannel != null) {
            throw new IllegalStateException("already started");
        }
        acceptGroup = new NioEventLoopGroup(1, new DefaultThreadFactory("avantage-sim-accept", true));
        ioGroup = new NioEventLoopGroup(2, new DefaultThreadFactory("avantage-sim-io", true));
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(8192),
                new DefaultThreadFactory("avantage-sim-worker", true));
        connections = new DefaultChannelGroup("avantage-sim", GlobalEventExecutor.INSTANCE);
        String greeting = greeting();
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(acceptGroup, ioGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 256)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            connections.add(ch);
                            ch.pipeline()
                                    .addLast("frames", new MainTcpFrameDecoder(counters))
                                    .addLast("maintcp", new MainTcpConnection(dispatcher, faults, counters, cipher,
                                            workers, json, greeting));
                        }
                    });
            serverChannel = bootstrap.bind(HOST, properties.port()).syncUninterruptibly().channel();
            boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        } catch (RuntimeException e) {
            shutdownResources();
            throw e;
        }
        return this;
    }

    /** Closes the listener and every connection. Idempotent. */
    public synchronized void stop() {
        if (serverChannel == null && acceptGroup == null) {
            return;
        }
        shutdownResources();
        boundPort = -1;
    }

    private void shutdownResources() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
            serverChannel = null;
        }
        if (connections != null) {
            connections.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (ioGroup != null) {
            ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (acceptGroup != null) {
            acceptGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        ioGroup = null;
        acceptGroup = null;
        workers = null;
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        return boundPort > 0;
    }

    /** The bound port. */
    public int port() {
        int port = boundPort;
        if (port < 0) {
            throw new IllegalStateException("simulator not started");
        }
        return port;
    }

    public String host() {
        return HOST;
    }

    /** {@code tcp://127.0.0.1:<port>}, the form connection endpoints use. */
    public String url() {
        return "tcp://" + HOST + ":" + port();
    }

    public boolean encrypted() {
        return cipher != null;
    }

    /** The greeting line, without its CR LF. */
    public String greeting() {
        return "AVANTAGE MAINTCP " + VERSION + " READY ENC=" + (encrypted() ? "AES256GCM" : "NONE");
    }

    public AvantageSimulatorProperties properties() {
        return properties;
    }

    // ---- test hooks -----------------------------------------------------------------------------------

    public AvantageDataset dataset() {
        return dataset;
    }

    public Faults faults() {
        return faults;
    }

    public SimulatorCounters counters() {
        return counters;
    }

    /** See {@link AvantageDataset#touchEmployees(int)}. */
    public List<Employee> touchEmployees(int n) {
        return dataset.touchEmployees(n);
    }

    public Employee updateEmployee(String number, UnaryOperator<Employee> change) {
        return dataset.updateEmployee(number, change);
    }

    public Activity addActivity(String project, String code, String description, BigDecimal budgetHours,
                                BigDecimal budgetAmount) {
        return dataset.addActivity(project, code, description, budgetHours, budgetAmount);
    }

    /** See {@link AvantageDataset#updateActivity}: a revised budget, say. */
    public Activity updateActivity(String project, String code, UnaryOperator<Activity> change) {
        return dataset.updateActivity(project, code, change);
    }

    /** See {@link AvantageDataset#updatePurchaseOrder}: a line's quantity changed, say. */
    public PurchaseOrder updatePurchaseOrder(String number, UnaryOperator<PurchaseOrder> change) {
        return dataset.updatePurchaseOrder(number, change);
    }

    public List<TimesheetLine> postedLines() {
        return dataset.postedLines();
    }

    /** Every token issued so far answers TOKEN_EXPIRED from now on. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    /** TTL of tokens issued from now on. */
    public void setTokenTtl(Duration ttl) {
        tokens.setTtl(ttl);
    }

    public Duration tokenTtl() {
        return tokens.ttl();
    }

    public int openConnections() {
        ChannelGroup group = connections;
        return group == null ? 0 : group.size();
    }

    /** Cuts every open connection, as a server restart or a network drop would; the listener stays. */
    public void closeAllConnections() {
        ChannelGroup group = connections;
        if (group != null) {
            group.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /** Clears faults and counters and restores the configured token TTL; data stays as it is. */
    public void reset() {
        faults.reset();
        counters.reset();
        tokens.setTtl(properties.tokenTtl());
    }
}
