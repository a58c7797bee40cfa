package io.passerelle.connection;

import java.util.List;

/** The ERPs a connection may name. Whether this build can actually talk to one is up to its {@link ErpConnector}. */
public final class KnownErps {

    public static final List<String> ALL = List.of("avantage", "acumatica", "abacus", "adminpulse", "24sevenoffice");

    private KnownErps() {
    }

    public static boolean isKnown(String erp) {
        return ALL.contains(erp);
    }
}
