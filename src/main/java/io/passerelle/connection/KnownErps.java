package io.passerelle.connection;

import java.util.List;
import java.util.Map;

/** The ERPs a connection may name. Whether this build can actually talk to one is up to its {@link ErpConnector}. */
public final class KnownErps {

    public static final List<String> ALL = List.of("avantage", "acumatica", "abacus", "adminpulse", "24sevenoffice");

    private static final Map<String, String> NAMES = Map.of("avantage", "Avantage", "acumatica", "Acumatica",
            "abacus", "Abacus", "adminpulse", "AdminPulse", "24sevenoffice", "24SevenOffice");

    private KnownErps() {
    }

    public static boolean isKnown(String erp) {
        return ALL.contains(erp);
    }

    /** The ERP as people write its name ("Avantage"), for messages; an ERP of its own build is named by its id. */
    public static String displayName(String erp) {
        return NAMES.getOrDefault(erp, erp);
    }
}
