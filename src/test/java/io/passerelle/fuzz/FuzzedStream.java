package io.passerelle.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a MainTCP fuzz input laid out so that seeds can be written by hand: records of a 2-byte big-endian
 * length then that many bytes. A length with its top bit set marks bytes to send as they are (a torn or forged
 * frame); otherwise the test frames (and seals) the bytes as a well-formed frame.
 */
public final class FuzzedStream {

    /** One record: its bytes, and whether they go as they are or framed. */
    public record Part(byte[] bytes, boolean raw) {
    }

    private FuzzedStream() {
    }

    public static List<Part> parts(byte[] input, int from) {
        List<Part> parts = new ArrayList<>();
        int at = from;
        while (at + 2 <= input.length) {
            int header = ((input[at] & 0xFF) << 8) | (input[at + 1] & 0xFF);
            int length = Math.min(header & 0x7FFF, input.length - at - 2);
            parts.add(new Part(Arrays.copyOfRange(input, at + 2, at + 2 + length), (header & 0x8000) != 0));
            at += 2 + length;
        }
        return parts;
    }

    /** The bytes cut into reads of {@code readSize} (0: one read), as a socket may deliver them. */
    public static List<byte[]> reads(byte[] stream, int readSize) {
        if (readSize <= 0 || readSize >= stream.length) {
            return List.of(stream);
        }
        List<byte[]> reads = new ArrayList<>();
        for (int at = 0; at < stream.length; at += readSize) {
            reads.add(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + readSize)));
        }
        return reads;
    }
}
