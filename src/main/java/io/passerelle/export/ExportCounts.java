package io.passerelle.export;

import java.util.LinkedHashMap;
import java.util.Map;

/** The tally of one export run, as API.md names it. */
public final class ExportCounts {

    private int read;
    private int sent;
    private int accepted;
    private int duplicates;
    private int rejected;
    private int unknown;
    private int failed;

    void read(int n) {
        read += n;
    }

    void sent(int n) {
        sent += n;
    }

    void outcome(ExportState state) {
        switch (state) {
            case ACCEPTED -> accepted++;
            case DUPLICATE -> duplicates++;
            case REJECTED -> rejected++;
            case UNKNOWN -> unknown++;
            default -> failed++;
        }
    }

    void failed(int n) {
        failed += n;
    }

    /** A copy to tally one commit on: the run's counts adopt it once the commit went through. */
    ExportCounts copy() {
        ExportCounts copy = new ExportCounts();
        copy.adopt(this);
        return copy;
    }

    void adopt(ExportCounts other) {
        read = other.read;
        sent = other.sent;
        accepted = other.accepted;
        duplicates = other.duplicates;
        rejected = other.rejected;
        unknown = other.unknown;
        failed = other.failed;
    }

    public int unknown() {
        return unknown;
    }

    public String status() {
        if (rejected == 0 && unknown == 0 && failed == 0) {
            return "SUCCEEDED";
        }
        return accepted + duplicates > 0 || rejected > 0 ? "PARTIAL" : "FAILED";
    }

    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("read", read);
        map.put("sent", sent);
        map.put("accepted", accepted);
        map.put("duplicates", duplicates);
        map.put("rejected", rejected);
        map.put("unknown", unknown);
        map.put("failed", failed);
        return map;
    }
}
