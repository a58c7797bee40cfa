package io.passerelle.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who this running Passerelle is among those sharing its database: the name its runs and claims are recorded under.
 * Named, not random, so that an instance started again after a kill -9 recognises what its previous life left.
 */
@Component
public class Instance {

    static final int MAX_NAME = 200;

    private final String id;

    @Autowired
    Instance(InstanceProperties properties, @Value("${passerelle.data-dir:data}") String dataDir) {
        String name = properties.name();
        this.id = name == null || name.isBlank() ? defaultName(dataDir) : bounded(name.strip());
    }

    private Instance(String id) {
        this.id = bounded(id);
    }

    /** An instance of that name, for the engines' plain tests. */
    public static Instance named(String name) {
        return new Instance(name);
    }

    public String id() {
        return id;
    }

    /** The host and the data folder: two instances on one host have a folder each (their secret key, tokens, logs). */
    static String defaultName(String dataDir) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return bounded(host + ":" + Path.of(dataDir).toAbsolutePath().normalize());
    }

    /** A long name keeps its start and ends with a digest of the whole, so that it stays unique and fits its column. */
    static String bounded(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
            return name.substring(0, MAX_NAME - 17) + "~" + digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
