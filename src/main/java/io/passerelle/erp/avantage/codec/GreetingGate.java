package io.passerelle.erp.avantage.codec;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.PendingWriteQueue;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds requests until the server's greeting has been read: only the greeting tells whether frames
 * are encrypted. Sits between the request producer and the encoder. Fails the channel when no
 * greeting comes in time (a port that accepts but is not a MainTCP server, or a hung one).
 */
public class GreetingGate extends ChannelDuplexHandler {

    private final long greetingTimeoutMillis;
    private PendingWriteQueue held;
    private ScheduledFuture<?> timeout;

    public GreetingGate(long greetingTimeoutMillis) {
        this.greetingTimeoutMillis = greetingTimeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        held = new PendingWriteQueue(ctx);
        if (ctx.channel().isActive()) {
            armTimeout(ctx);
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        armTimeout(ctx);
        super.channelActive(ctx);
    }

    private void armTimeout(ChannelHandlerContext ctx) {
        if (timeout == null) {
            timeout = ctx.executor().schedule(() -> {
                ctx.fireExceptionCaught(new GreetingTimeoutException(greetingTimeoutMillis));
                ctx.close();
            }, greetingTimeoutMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (held != null) {
            held.add(msg, promise);
        } else {
            ctx.write(msg, promise);
        }
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (held == null) {
            ctx.flush();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == MainTcpChannel.GREETED) {
            cancelTimeout();
            PendingWriteQueue queue = held;
            held = null;
            queue.removeAndWriteAll();
            ctx.flush();
            ctx.pipeline().remove(this);
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        release(closedBeforeGreeting(ctx));
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancelTimeout();
        release(closedBeforeGreeting(ctx));
    }

    private static MainTcpException closedBeforeGreeting(ChannelHandlerContext ctx) {
        MainTcpException refused = ctx.channel().attr(MainTcpChannel.GREETING_FAILURE).get();
        return refused != null ? refused : new ConnectionLostException("closed before the greeting");
    }

    private void release(Throwable cause) {
        cancelTimeout();
        if (held != null) {
            held.removeAndFailAll(cause);
        }
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
        }
    }
}
