package io.passerelle.erp.avantage.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/** Writes a request as one frame: length, then the JSON, encrypted when the greeting asked for it. */
public class MainTcpClientEncoder extends MessageToByteEncoder<ObjectNode> {

    private final FrameCipher cipher;
    private final ObjectMapper mapper;

    public MainTcpClientEncoder(FrameCipher cipher, ObjectMapper mapper) {
        super(ObjectNode.class);
        this.cipher = cipher;
        this.mapper = mapper;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ObjectNode request, ByteBuf out) throws Exception {
        byte[] payload = mapper.writeValueAsBytes(request);
        if (MainTcpChannel.encrypted(ctx.channel())) {
            payload = cipher.encrypt(payload);
        }
        if (payload.length > MainTcpClientDecoder.MAX_FRAME_BYTES) {
            throw new FrameViolationException("request of " + payload.length + " bytes exceeds the 16 MiB frame limit");
        }
        out.writeInt(payload.length);
        out.writeBytes(payload);
    }
}
