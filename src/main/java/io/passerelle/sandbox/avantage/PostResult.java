package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The answer to one POST_TIMESHEETS batch, kept so that a repeated batchId gets it again. */
public record PostResult(int accepted, int duplicates, List<Rejection> rejected) {

    public PostResult {
        rejected = List.copyOf(rejected);
    }

    /** @param lineId the lineId exactly as the client sent it (string or number) */
    public record Rejection(JsonNode lineId, String code, String message) {
    }
}
