package io.passerelle.sandbox.avantage;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Splits the stream after the greeting into MainTCP frames (4-byte unsigned big-endian length, then the
 * payload). A length of 0 or above 16 MiB cannot be resynchronised from, so the connection is closed
 * without waiting for, or allocating, the announced bytes.
 */
final class MainTcpFrameDecoder extends ByteToMessageDecoder {

    static final long MAX_FRAME = 16L * 1024 * 1024;

    private final SimulatorCounters counters;
    private boolean broken;

    MainTcpFrameDecoder(SimulatorCounters counters) {
        this.counters = counters;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (broken) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < 4) {
            return;
        }
        long length = in.getUnsignedInt(in.readerIndex());
        if (length == 0 || length > MAX_FRAME) {
            broken = true;
            counters.frameRejected();
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        if (in.readableBytes() < 4 + length) {
            return;
        }
        in.skipBytes(4);
        out.add(in.readRetainedSlice((int) length));
    }
}
