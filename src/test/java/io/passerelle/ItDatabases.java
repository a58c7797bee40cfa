package io.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the packaged-jar tests run on ({@code PASSERELLE_TEST_DB_URL}, {@code PASSERELLE_TEST_DB_USER},
 * {@code PASSERELLE_TEST_DB_PASSWORD}): a connection to make and drop their own databases, and those databases' URLs.
 */
final class ItDatabases {

    private ItDatabases() {
    }

    static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(System.getenv("PASSERELLE_TEST_DB_URL"), user(), password());
    }

    static String user() {
        return System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres");
    }

    static String password() {
        return System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", "");
    }

    /** PASSERELLE_TEST_DB_URL with its database replaced: jdbc:postgresql://host:port/test?x=y → .../name?x=y. */
    static String databaseUrl(String database) {
        Matcher url = Pattern.compile("(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?").matcher(System.getenv("PASSERELLE_TEST_DB_URL"));
        assertThat(url.matches()).as("PASSERELLE_TEST_DB_URL is jdbc:postgresql://host[:port]/db").isTrue();
        return url.group(1) + "/" + database + (url.group(3) == null ? "" : url.group(3));
    }
}
