package io.passerelle.fuzz;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * A channel allocator that remembers every buffer it hands out and the largest one asked for, so that a fuzz
 * test can check, input by input, that all of them were released (without waiting for the leak detector's GC)
 * and that nobody allocated what a hostile length prefix announced.
 */
public final class TrackingAllocator extends AbstractByteBufAllocator {

    private final List<ByteBuf> allocated = new ArrayList<>();
    private int largest;

    public TrackingAllocator() {
        super(false);
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        largest = Math.max(largest, initialCapacity);
        ByteBuf buffer = new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
        allocated.add(buffer);
        return buffer;
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        return newHeapBuffer(initialCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    /** The largest capacity asked for at once (buffers grow by asking for a new one). */
    public int largest() {
        return largest;
    }

    /** How many of the buffers handed out are still referenced. */
    public long unreleased() {
        return allocated.stream().filter(buffer -> buffer.refCnt() > 0).count();
    }
}
