package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.passerelle.erp.avantage.codec.FrameCipher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted MainTCP connection: greets, then hands each frame to the worker pool (decryption, JSON and
 * the dataset may be slow; the event loop must keep reading so requests pipeline), and writes responses
 * in whatever order they complete.
 */
final class MainTcpConnection extends ChannelInboundHandlerAdapter {

    static final int MAX_IN_FLIGHT = 64;
    /** How long reordering holds responses: long enough for a pipelined burst to pile up. */
    static final long REORDER_WINDOW_MS = 50;
    private static final long IN_FLIGHT_RETRY_AFTER_MS = 50;
    private static final Logger log = LoggerFactory.getLogger(MainTcpConnection.class);

    private final RequestDispatcher dispatcher;
    private final Faults faults;
    private final SimulatorCounters counters;
    private final FrameCipher cipher;
    private final ExecutorService workers;
    private final ObjectMapper json;
    private final String greeting;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
    /** Responses held back by {@link Faults#reorderResponses(boolean)}; touched on the event loop only. */
    private final List<Outgoing> held = new ArrayList<>();
    private boolean flushScheduled;
    private volatile boolean ignoreInput;
    private Channel channel;

    private record Outgoing(byte[] frame, Long trackedId) {
    }

    MainTcpConnection(RequestDispatcher dispatcher, Faults faults, SimulatorCounters counters, FrameCipher cipher,
                      ExecutorService workers, ObjectMapper json, String greeting) {
        this.dispatcher = dispatcher;
        this.faults = faults;
        this.counters = counters;
        this.cipher = cipher;
        this.workers = workers;
        this.json = json;
        this.greeting = greeting;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        counters.connectionAccepted();
        String denied = faults.denyReason();
        if (faults.silent()) {
            ignoreInput = true;
        } else if (denied != null) {
            ignoreInput = true;
            writeLineAndClose(ctx, "AVANTAGE MAINTCP DENIED " + denied + "\r\n");
        } else if (faults.garbageGreeting()) {
            ignoreInput = true;
            writeLineAndClose(ctx, Faults.GARBAGE_GREETING);
        } else {
            ctx.writeAndFlush(Unpooled.wrappedBuffer((greeting + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        }
        ctx.fireChannelActive();
    }

    private static void writeLineAndClose(ChannelHandlerContext ctx, String text) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.US_ASCII)))
                .addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        byte[] frame;
        try {
            if (ignoreInput) {
                return;
            }
            frame = ByteBufUtil.getBytes((ByteBuf) msg);
        } finally {
            ReferenceCountUtil.release(msg);
        }
        try {
            workers.execute(() -> handle(frame));
        } catch (RejectedExecutionException e) {
            // worker queue full or shutting down: a real server under load says BUSY
            answerBusy(frame);
        }
    }

    private void handle(byte[] frame) {
        byte[] plain = open(frame);
        if (plain == null) {
            return;
        }
        JsonNode tree;
        try {
            tree = json.readTree(plain);
        } catch (Exception e) {
            send(dispatcher.error(null, ErrorCode.BAD_REQUEST, "payload is not a JSON object", null), null);
            return;
        }
        if (!(tree instanceof ObjectNode request)) {
            send(dispatcher.error(null, ErrorCode.BAD_REQUEST, "payload is not a JSON object", null), null);
            return;
        }
        JsonNode id = request.get("id");
        if (id == null || id.isNull()) {
            send(dispatcher.error(null, ErrorCode.BAD_REQUEST, "id is required", null), null);
            return;
        }
        if (!id.isIntegralNumber() || !id.canConvertToLong()) {
            send(dispatcher.error(id.isValueNode() ? id : null, ErrorCode.BAD_REQUEST, "id must be an integer",
                    null), null);
            return;
        }
        long idValue = id.longValue();
        if (!inFlight.add(idValue)) {
            send(dispatcher.error(id, ErrorCode.BAD_REQUEST, "id " + idValue + " is already in flight on this connection",
                    null), null);
            return;
        }
        if (inFlight.size() > MAX_IN_FLIGHT) {
            inFlight.remove(idValue);
            counters.busyAnswered();
            send(dispatcher.error(id, ErrorCode.BUSY, "more than " + MAX_IN_FLIGHT + " requests in flight",
                    IN_FLIGHT_RETRY_AFTER_MS), null);
            return;
        }
        RequestDispatcher.Reply reply;
        try {
            reply = dispatcher.dispatch(id, request);
        } catch (RuntimeException e) {
            log.warn("Avantage simulator: request {} failed", idValue, e);
            reply = new RequestDispatcher.Reply(
                    dispatcher.error(id, ErrorCode.INTERNAL, "internal error", null), false);
        }
        if (reply.dropConnection()) {
            inFlight.remove(idValue);
            channel.close();
            return;
        }
        send(reply.body(), idValue);
    }

    /** Decrypts when the connection is encrypted; on a frame that does not authenticate, closes and answers null. */
    private byte[] open(byte[] frame) {
        if (cipher == null) {
            return frame;
        }
        try {
            return cipher.decrypt(frame);
        } catch (FrameCipher.FrameAuthenticationException e) {
            counters.frameRejected();
            ignoreInput = true;
            channel.close();
            return null;
        }
    }

    private void answerBusy(byte[] frame) {
        byte[] plain = open(frame);
        if (plain == null) {
            return;
        }
        JsonNode id = null;
        try {
            JsonNode tree = json.readTree(plain);
            id = tree == null ? null : tree.get("id");
        } catch (Exception ignored) {
            // no id to echo: the null-id BUSY still tells the client something is wrong
        }
        counters.busyAnswered();
        send(dispatcher.error(id != null && id.isValueNode() ? id : null, ErrorCode.BUSY, "server busy, retry later",
                Faults.DEFAULT_RETRY_AFTER_MS), null);
    }

    /** Seals and frames a response, then hands it to the event loop (after any injected delay). */
    private void send(byte[] body, Long trackedId) {
        byte[] payload = seal(body);
        if (payload.length > MainTcpFrameDecoder.MAX_FRAME) {
            payload = seal(dispatcher.error(trackedId == null ? null : json.getNodeFactory().numberNode(trackedId),
                    ErrorCode.TOO_LARGE, "response exceeds 16 MiB; ask for a smaller limit", null));
        }
        long announced = faults.takeOversizedFrame() ? MainTcpFrameDecoder.MAX_FRAME + 1 : payload.length;
        byte[] frame = new byte[4 + payload.length];
        frame[0] = (byte) (announced >>> 24);
        frame[1] = (byte) (announced >>> 16);
        frame[2] = (byte) (announced >>> 8);
        frame[3] = (byte) announced;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        Outgoing out = new Outgoing(frame, trackedId);
        Duration delay = faults.responseDelay();
        try {
            if (delay.isZero()) {
                channel.eventLoop().execute(() -> deliver(out));
            } else {
                channel.eventLoop().schedule(() -> deliver(out), delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // the server is stopping: nobody is left to answer
        }
    }

    private byte[] seal(byte[] body) {
        return cipher == null ? body : cipher.encrypt(body);
    }

    private void deliver(Outgoing out) {
        if (!channel.isActive()) {
            return;
        }
        if (!faults.reorderResponses() && held.isEmpty()) {
            write(out);
            return;
        }
        held.add(out);
        if (held.size() >= MAX_IN_FLIGHT) {
            releaseHeld();
        } else if (!flushScheduled) {
            flushScheduled = true;
            channel.eventLoop().schedule(this::releaseHeld, REORDER_WINDOW_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void releaseHeld() {
        flushScheduled = false;
        for (int i = held.size() - 1; i >= 0; i--) {
            write(held.get(i));
        }
        held.clear();
    }

    private void write(Outgoing out) {
        if (out.trackedId() != null) {
            inFlight.remove(out.trackedId());
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(out.frame()));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        held.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Avantage simulator: connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
