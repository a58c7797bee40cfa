package io.passerelle.run;

import io.passerelle.canonical.KeyNormalizer;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a retry run is limited to: the remote keys of the records that failed retryably in the run it retries
 * ({@code retryOf}). Keys are compared after {@link KeyNormalizer#matchKey}, as records are matched; an export
 * item is in scope by its source id or its idempotency key, whichever its error row names.
 */
public record RetryScope(long retryOf, Set<String> keys) {

    public RetryScope {
        keys = Set.copyOf(keys);
    }

    public static RetryScope of(long retryOf, Collection<String> remoteKeys) {
        return new RetryScope(retryOf, remoteKeys.stream().map(KeyNormalizer::matchKey).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
    }

    public boolean includes(String remoteKey) {
        String key = KeyNormalizer.matchKey(remoteKey);
        return key != null && keys.contains(key);
    }
}
