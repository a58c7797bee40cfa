package io.passerelle.api.security;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins per client address, counted in a window of one minute that opens with the address's first
 * failure. Each failure is one WARN line (address, method, path, reason; never the token nor any part of it).
 * The failure that reaches the limit also says, once for its window, that the address is refused until the
 * window closes; later attempts are not logged, so a flood writes a bounded number of lines.
 * <p>
 * The address is the servlet's remote address: behind a reverse proxy, set {@code server.forward-headers-strategy}
 * so that it is the client's, not the proxy's. The table is bounded; under a flood from more addresses than it
 * holds, the least used are forgotten early, which only gives them a fresh window.
 * <p>
 * Public for the console's sign-in form ({@code io.passerelle.console}): a token tried there counts in the same
 * window as one presented to the API, so neither door gives more guesses than the other.
 */
public final class FailedSignIns {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Far more addresses than fail at once in practice; an entry costs about a hundred bytes. */
    static final int MAX_ADDRESSES = 10_000;
    private static final int MAX_LOGGED_PATH = 200;
    private static final Logger log = LoggerFactory.getLogger(FailedSignIns.class);

    /** Why a sign-in failed, in the words of the log line. */
    public enum Reason {
        NO_TOKEN("no bearer token"),
        UNKNOWN_TOKEN("unknown token");

        private final String words;

        Reason(String words) {
            this.words = words;
        }
    }

    private final int limit;
    private final Cache<String, Integer> failures;

    FailedSignIns(int limit) {
        this(limit, MAX_ADDRESSES, Ticker.systemTicker());
    }

    FailedSignIns(int limit, int maxAddresses, Ticker ticker) {
        this.limit = limit;
        this.failures = Caffeine.newBuilder()
                .maximumSize(maxAddresses)
                // a fixed window: counting more failures does not push its end further away
                .expireAfter(Expiry.<String, Integer>creating((address, count) -> WINDOW))
                .ticker(ticker)
                // the upkeep is a few map operations: doing it on the caller's thread keeps expiry exact
                .executor(Runnable::run)
                .build();
    }

    /** Whole seconds (at least 1) until the address may sign in again; empty when it may now. */
    public OptionalLong refusedFor(String address) {
        Integer count = failures.getIfPresent(address);
        if (count == null || count < limit) {
            return OptionalLong.empty();
        }
        Optional<Duration> left = failures.policy().expireVariably().flatMap(p -> p.getExpiresAfter(address));
        if (left.isEmpty()) {
            return OptionalLong.empty();
        }
        long millis = left.get().toMillis();
        return OptionalLong.of(Math.max(1, (millis + 999) / 1000));
    }

    public void failed(HttpServletRequest request, Reason reason) {
        String address = request.getRemoteAddr();
        int count = failures.asMap().merge(address, 1, Integer::sum);
        if (count > limit) {
            return;
        }
        log.warn("Failed sign-in from {} on {} {}: {}", address, request.getMethod(), path(request), reason.words);
        if (count == limit) {
            log.warn("Sign-ins from {} are refused for {} s: {} failed within a minute", address,
                    refusedFor(address).orElse(WINDOW.toSeconds()), count);
        }
    }

    /** How many addresses the table holds now, after its upkeep. */
    long addressesHeld() {
        failures.cleanUp();
        return failures.estimatedSize();
    }

    /** The path without its query (which may carry a secret), cut short: it is the client's to choose. */
    private static String path(HttpServletRequest request) {
        String path = String.valueOf(request.getRequestURI());
        return path.length() <= MAX_LOGGED_PATH ? path : path.substring(0, MAX_LOGGED_PATH) + "…";
    }
}
