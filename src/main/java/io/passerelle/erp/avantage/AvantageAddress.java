package io.passerelle.erp.avantage;

import java.net.URI;

/** Host and port of a MainTCP endpoint URL, {@code tcp://host:port} (port 2131 when omitted). */
public record AvantageAddress(String host, int port) {

    public static final int DEFAULT_PORT = 2131;

    public static AvantageAddress parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("endpoint URL is not a URL: " + url);
        }
        if (!"tcp".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint URL must look like tcp://host:2131, was " + url);
        }
        return new AvantageAddress(uri.getHost(), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
    }
}
